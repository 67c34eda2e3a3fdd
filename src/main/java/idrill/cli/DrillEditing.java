package idrill.cli;

import idrill.bank.Question;
import idrill.drill.QuestionEditor;
import idrill.render.Sanitizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The drill's {@code e}: edits the current question in the user's editor and hands back its new text. */
final class DrillEditing implements QuestionEditor {
  private final Editing editing;

  DrillEditing(Context ctx, List<String> specs) {
    this.editing = new Editing(ctx, specs);
  }

  @Override
  public Edited edit(Question q) {
    String id = Sanitizer.oneLine(q.id());
    Path file = editing.file(q.position());
    if (file == null) {
      return new Edited(null, "the bundled bank cannot be edited: 'idrill edit " + id + "' says how to take a copy",
          true);
    }
    int status;
    try {
      status = editing.editor.open(file, q.position().line());
    } catch (IOException | IllegalArgumentException e) {
      return new Edited(null, Sanitizer.oneLine(e.getMessage()), true);
    }
    Editing.Check c = editing.check(q.position().file(), q.id());
    if (!c.errors().isEmpty()) {
      String more = c.errors().size() > 1 ? " (and " + (c.errors().size() - 1) + " more)" : "";
      return new Edited(null, Sanitizer.oneLine(c.errors().get(0).toString()) + more
          + " (old text kept)", true);
    }
    if (c.now() == null) {
      return new Edited(null, "no question '" + id + "' in " + Sanitizer.oneLine(q.position().file())
          + " any more: removed or renamed? (old text kept)", true);
    }
    String exited = status == 0 ? "" : " (the editor exited with status " + status + ")";
    String what = Editing.sameText(q, c.now()) ? "no change to " : "edited ";
    return new Edited(c.now(), what + id + exited, status != 0);
  }
}
