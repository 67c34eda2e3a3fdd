package idrill.bank;

import java.util.List;

/** One entry of a bank. Texts are Markdown exactly as written in the bank (not yet sanitized). */
public record Question(
    String id,
    String question,
    String answer,
    List<String> tags,
    Difficulty difficulty, // null when the bank gives none
    List<Ref> refs,
    Position position,
    List<String> keywords) { // key terms a good answer mentions; an entry may list alternatives as "a|b"

  public Question {
    tags = List.copyOf(tags);
    refs = List.copyOf(refs);
    keywords = keywords == null ? List.of() : List.copyOf(keywords);
  }

  /** A question without key terms (they are optional). */
  public Question(String id, String question, String answer, List<String> tags, Difficulty difficulty, List<Ref> refs,
      Position position) {
    this(id, question, answer, tags, difficulty, refs, position, List.of());
  }
}
