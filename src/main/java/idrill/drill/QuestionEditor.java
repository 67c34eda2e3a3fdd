package idrill.drill;

import idrill.bank.Question;

/**
 * Edits a question where its bank keeps it, for the drill's {@code e}: the drill hands the terminal over for the
 * call and gets back the question as the bank now holds it. Implemented outside the drill (cli.DrillEditing), so the
 * drill spawns no process itself.
 */
public interface QuestionEditor {
  /**
   * What an edit came to.
   *
   * @param question the question as the bank now holds it, under the same id; null when the drill keeps the old text
   *     (the bank has a problem, the question was removed or renamed, or it cannot be edited)
   * @param message one line for the status line
   */
  record Edited(Question question, String message, boolean error) {}

  /** Opens q in the user's editor, waits for it, and reads its bank back. Never throws for bad data. */
  Edited edit(Question q);
}
