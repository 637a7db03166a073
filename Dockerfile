# Collective Pulse: build the shaded jar with Maven, run it on a JRE as a non-root user. The build stage runs on the
# image's own platform, so the jar holds the embedded PostgreSQL of that architecture (linux/amd64 or linux/arm64).
#   docker build -t collective-pulse .
#   docker run -p 3000:3000 -v pulse-data:/data --env-file .env collective-pulse

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# Dependencies first: this layer is reused as long as pom.xml does not change.
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
RUN mvn -B -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 pulse \
    && useradd --system --uid 10001 --gid pulse --home-dir /app --no-create-home --shell /usr/sbin/nologin pulse \
    && mkdir -p /data \
    && chown pulse:pulse /data
WORKDIR /app
COPY --from=build /build/target/collective-pulse.jar /app/collective-pulse.jar

# Without DATABASE_URL the embedded PostgreSQL keeps its data in PULSE_DATA_DIR, hence the volume.
# PostgreSQL refuses to run as root, so the non-root user is required, not just good practice.
# TieredStopAtLevel=1 (C1 only): on one or two CPUs, C2 compiled this code base for minutes after every start,
# competing with requests (BENCHMARKS.md); remove it when the container gets four CPUs or more.
ENV PORT=3000 \
    PULSE_DATA_DIR=/data \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError -XX:TieredStopAtLevel=1"
VOLUME /data
EXPOSE 3000
USER 10001:10001

# The probe is the service's own jar (io.collectivepulse.HealthProbe: GET /health/live on PORT, exit 0 on 200, 1
# otherwise, within 3 s): no curl, no shell, so it keeps working on a slimmer or distroless base image. Its small
# heap and C1 only keep each check's JVM light next to the service's.
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 \
    CMD ["java", "-Xmx32m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", \
         "-cp", "/app/collective-pulse.jar", "io.collectivepulse.HealthProbe"]

ENTRYPOINT ["java", "-jar", "/app/collective-pulse.jar"]
