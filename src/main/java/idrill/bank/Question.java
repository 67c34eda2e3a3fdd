package idrill.bank;

import java.util.List;
import java.util.Objects;

/**
 * One entry of a bank. Texts are Markdown exactly as written in the bank (not yet sanitized). A value with a
 * record's accessors, equality and string form; a final class rather than a record only so that a question read from
 * the bank cache can decode its texts, refs and keywords on first use: a prompt's `random --daily` over a large bank
 * needs every id and tag but one question's text.
 */
public final class Question {
  private final String id;
  private final List<String> tags;
  private final Difficulty difficulty; // null when the bank gives none
  private final Position position;
  private Body body; // null until decoded; once set it never changes (a race decodes twice, to equal values)
  private final Source source; // where the body is decoded from; null when built with its texts

  /** The question's texts; a record, so a body set by one thread is seen whole by another. */
  record Body(String question, String answer, List<Ref> refs, List<String> keywords) {}

  /** Decodes a body on demand; must not fail (the bank cache checks the bytes before it hands out a Source). */
  interface Source {
    Body body();
  }

  public Question(String id, String question, String answer, List<String> tags, Difficulty difficulty,
      List<Ref> refs, Position position, List<String> keywords) {
    this.id = id;
    this.tags = List.copyOf(tags);
    this.difficulty = difficulty;
    this.position = position;
    // key terms a good answer mentions; an entry may list alternatives as "a|b"
    this.body = new Body(question, answer, List.copyOf(refs), keywords == null ? List.of() : List.copyOf(keywords));
    this.source = null;
  }

  /** A question without key terms (they are optional). */
  public Question(String id, String question, String answer, List<String> tags, Difficulty difficulty, List<Ref> refs,
      Position position) {
    this(id, question, answer, tags, difficulty, refs, position, List.of());
  }

  /** A question whose texts are decoded when first asked for; tags must be immutable already. */
  Question(String id, List<String> tags, Difficulty difficulty, Position position, Source source) {
    this.id = id;
    this.tags = tags;
    this.difficulty = difficulty;
    this.position = position;
    this.source = source;
  }

  public String id() {
    return id;
  }

  public String question() {
    return body().question();
  }

  public String answer() {
    return body().answer();
  }

  public List<String> tags() {
    return tags;
  }

  public Difficulty difficulty() {
    return difficulty;
  }

  public List<Ref> refs() {
    return body().refs();
  }

  public Position position() {
    return position;
  }

  public List<String> keywords() {
    return body().keywords();
  }

  private Body body() {
    Body b = body;
    if (b == null) body = b = source.body();
    return b;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) return true;
    if (!(o instanceof Question q)) return false;
    return Objects.equals(id, q.id) && Objects.equals(tags, q.tags) && difficulty == q.difficulty
        && Objects.equals(position, q.position) && body().equals(q.body());
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, question(), answer(), tags, difficulty, refs(), position, keywords());
  }

  @Override
  public String toString() {
    return "Question[id=" + id + ", question=" + question() + ", answer=" + answer() + ", tags=" + tags
        + ", difficulty=" + difficulty + ", refs=" + refs() + ", position=" + position + ", keywords=" + keywords()
        + "]";
  }
}
