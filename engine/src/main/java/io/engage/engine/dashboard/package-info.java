/**
 * Dashboards: the aggregates the admin UI's charts draw, computed in the database (points issued,
 * redeemed and expired per day, week or month; messages per channel and status; journey entries,
 * exits and conversions per version). It reads the tables of loyalty, messaging and journey in SQL
 * and writes nothing.
 */
package io.engage.engine.dashboard;
