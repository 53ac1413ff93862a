package io.engage.engine.event;

/** The data of a {@code survey.answered} event: the CSAT score (1-5) for a resolved complaint. */
public record SurveyAnswered(String complaintId, int score, String comment) {}
