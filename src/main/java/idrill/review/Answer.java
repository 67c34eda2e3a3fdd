package idrill.review;

import java.time.Instant;

/** One typed answer: to which question, when it was submitted, after how many ms, and the text (may be empty). */
public record Answer(Instant time, String id, long ms, String text) {}
