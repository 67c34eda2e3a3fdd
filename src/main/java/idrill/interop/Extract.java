package idrill.interop;

import idrill.bank.Difficulty;
import idrill.bank.Ref;
import java.util.List;

/** What a reader found in one source, before ids, tags and difficulty are settled; reason says why none. */
record Extract(String layout, List<Found> found, List<Skip> skipped, String reason) {

  /** A question as written; answer may be blank (then it is skipped); line is 1-based. */
  record Found(int line, String question, String answer, String section, List<String> tags, String id,
      Difficulty difficulty, List<Ref> refs, List<String> keywords) {
    /** A question of a source that knows no keywords. */
    Found(int line, String question, String answer, String section, List<String> tags, String id,
        Difficulty difficulty, List<Ref> refs) {
      this(line, question, answer, section, tags, id, difficulty, refs, List.of());
    }

    /** A question of a source that knows no ids, difficulty field or refs. */
    Found(int line, String question, String answer, String section, List<String> tags) {
      this(line, question, answer, section, tags, null, null, List.of());
    }
  }

  record Skip(int line, String reason) {}
}
