/** Quartz set-up (clustered JDBC job store on the service's PostgreSQL) and the jobs it fires. */
package io.collectivepulse.schedule;
