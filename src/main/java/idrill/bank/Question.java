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
    Position position) {

  public Question {
    tags = List.copyOf(tags);
    refs = List.copyOf(refs);
  }
}
