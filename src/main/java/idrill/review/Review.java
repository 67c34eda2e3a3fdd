package idrill.review;

import java.time.Instant;

/** One event of the review log: a grade (or an undo) of a question at a time, after ms of thinking. */
public record Review(Instant time, String id, Grade grade, long ms) {}
