package idrill.interop;

import java.util.List;

/** What a reader found in one source, before ids, tags and difficulty are settled. */
record Extract(String layout, List<Found> found, List<Skip> skipped) {

  /** A question as written; answer may be blank (then it is skipped); line is 1-based. */
  record Found(int line, String question, String answer, String section, List<String> tags) {}

  record Skip(int line, String reason) {}
}
