/**
 * Polls that facilitators launch to choose a session's topic, take the pulse after a session or build a position
 * the community can carry: one poll goes out to every channel linked to the community, on Slack and on Teams,
 * and keeps one tally of everyone's votes, redrawn on every card; an anonymous poll keeps no trace of who voted
 * what, for anyone, facilitators and operators included; a poll closes once, by a facilitator or at its
 * deadline, and its results are posted once per channel. After each session, unless its facilitators turned it
 * off, the service launches an anonymous feedback poll itself, whose average shows in the cycle's review.
 */
package io.collectivepulse.poll;
