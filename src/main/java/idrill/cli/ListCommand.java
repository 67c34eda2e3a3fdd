package idrill.cli;

import idrill.bank.Question;
import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.render.Text;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the questions, one per line.")
final class ListCommand implements Callable<Integer> {
  private static final int ID_COLS = 32;
  private static final int TAG_COLS = 32;
  private static final int MIN_QUESTION = 20;
  private static final String GAP = "  ";
  @ParentCommand IdrillCommand root;
  @Mixin CommonOptions common;
  @Mixin FilterOptions filters;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text|json|markdown")
  Format format;

  @Override
  public Integer call() {
    Workspace ws = new Workspace(root.ctx, common);
    List<Question> selected = ws.select(filters.filter());
    switch (format) {
      case json:
        root.ctx.out().println(Json.write(w -> {
          w.beginArray();
          for (Question q : selected) Json.question(w, q);
          w.endArray();
        }));
        break;
      case markdown:
        for (Question q : selected) {
          root.ctx.out().println("- **" + Sanitizer.oneLine(q.id()) + "** (" + Sanitizer.oneLine(String.join(", ", q.tags()))
              + "): " + Sanitizer.oneLine(q.question()));
        }
        break;
      default:
        printRows(ws, selected);
    }
    root.ctx.out().flush();
    return ExitCode.OK;
  }

  /**
   * On a terminal: aligned rows fitted to the screen, where the question gives up width (an id is
   * never cut). Otherwise whole tab-separated lines, id, tags and question, for cut/awk/grep.
   */
  private void printRows(Workspace ws, List<Question> selected) {
    PrintWriter out = root.ctx.out();
    if (!root.ctx.terminal()) {
      for (Question q : selected) {
        out.println(field(q.id()) + "\t" + field(String.join(",", q.tags())) + "\t" + field(Printing.oneLine(q.question())));
      }
      return;
    }
    Style style = ws.style();
    int width = ws.width();
    // an id wider than this (half the screen at least) would crowd its row: it gets a line of its own, whole
    int limit = Math.max(width / 2, width - 2 * GAP.length() - MIN_QUESTION - 1);
    // columns align to the widest id and tag list up to these caps; a longer one pushes its own row along
    int idCap = Math.min(ID_COLS, limit);
    int idWidth = 0;
    int tagWidth = 0;
    for (Question q : selected) {
      int iw = Text.width(Sanitizer.oneLine(q.id()));
      int tw = Text.width(Sanitizer.oneLine(String.join(",", q.tags())));
      if (iw <= idCap) idWidth = Math.max(idWidth, iw);
      if (tw <= TAG_COLS) tagWidth = Math.max(tagWidth, tw);
    }
    for (Question q : selected) {
      String id = Sanitizer.oneLine(q.id());
      String lead;
      if (Text.width(id) > limit) {
        out.println(style.bold(id));
        lead = GAP;
      } else {
        lead = style.bold(pad(id, idWidth)) + GAP;
      }
      int room = width - Text.width(lead) - GAP.length();
      // tags give up width only so far that the question keeps a readable start
      int avail = Math.max(1, room - MIN_QUESTION);
      String tags = Text.cut(Sanitizer.oneLine(String.join(",", q.tags())), avail);
      tags = pad(tags, Math.min(tagWidth, avail));
      room -= Text.width(tags);
      String question = room > 0 ? Text.cut(Printing.oneLine(q.question()), room) : "";
      out.println((lead + style.dim(tags) + (question.isEmpty() ? "" : GAP + question)).stripTrailing());
    }
  }

  /** One field of a tab-separated line: sanitised, on one line, no tab inside, no padding. */
  static String field(String s) {
    return Sanitizer.oneLine(s).strip();
  }

  static String pad(String s, int width) {
    int w = Text.width(s);
    return w >= width ? s : s + " ".repeat(width - w);
  }
}
