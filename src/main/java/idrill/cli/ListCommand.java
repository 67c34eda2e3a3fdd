package idrill.cli;

import idrill.bank.Question;
import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.render.Text;
import idrill.review.Marks;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class ListCommand implements Callable<Integer>, Model.Declared {
  private static final int ID_COLS = 32;

  ListCommand(IdrillCommand root) {
    this.root = root;
  }

  @Override
  public CommandSpec model() {
    return Model.command("list", this)
      .description("A flagged or suspended question is marked: on a terminal after its tags, piped in a fourth"
          + " field (flagged, suspended, or both with a comma); in JSON \"flagged\": true,"
          + " \"suspended\": true.")
      .mixin(common.model())
      .mixin(filters.model())
      .mixin(data.model())
      .flag("--suspended")
          .help("Only suspended questions (see 'idrill suspend').")
          .to(new Model.To<Boolean>() { void set(Boolean v) { suspended = v; } })
      .flag("--flagged")
          .help("Only flagged questions (see 'idrill flag').")
          .to(new Model.To<Boolean>() { void set(Boolean v) { flagged = v; } })
      .option("--format").label("FORMAT").defaultValue("text").type(Format.class)
          .help("text|json|markdown").to(new Model.To<Format>() { void set(Format v) { format = v; } })
      .spec();
  }

  /** Tag lists up to this many columns (or a quarter of a wide screen) align; a longer one pushes its row along. */
  private static final int TAG_COLS = 32;
  /** Tags squeezed below this many columns say nothing: the column goes and the question has the room. */
  private static final int TAG_MIN = 6;
  private static final int MIN_QUESTION = 20;
  private static final String GAP = "  ";
  private final IdrillCommand root;
  final CommonOptions common = new CommonOptions();
  final FilterOptions filters = new FilterOptions();
  final DataOptions data = new DataOptions();

  boolean suspended;

  boolean flagged;

  Format format;

  @Override
  public Integer call() {
    Workspace ws = new Workspace(root.ctx, common);
    List<Question> filtered = ws.select(filters.filter());
    Marks marks = marks(ws);
    // the marks come from the log, so these filters act after the bank's pure one
    List<Question> selected = new ArrayList<>();
    for (Question q : filtered) {
      Marks.Mark m = marks.get(q.id());
      if ((!suspended || m.suspended()) && (!flagged || m.flagged())) selected.add(q);
    }
    if (selected.isEmpty()) {
      String which = suspended && flagged ? "suspended and flagged" : suspended ? "suspended" : "flagged";
      throw new NoMatchException("no " + which + " questions" + (filters.filter().isEmpty() ? "" : " match "
          + filters.filter().describe()));
    }
    switch (format) {
      case json:
        root.ctx.out().println(Json.write(w -> {
          w.beginArray();
          for (Question q : selected) {
            w.beginObject();
            Json.questionFields(w, q);
            // only on marked questions, so an unmarked list stays the bank's JSON (export's)
            if (marks.get(q.id()).suspended()) w.name("suspended").value(true);
            if (marks.get(q.id()).flagged()) w.name("flagged").value(true);
            w.endObject();
          }
          w.endArray();
        }));
        break;
      case markdown:
        for (Question q : selected) {
          String mark = mark(marks.get(q.id()));
          root.ctx.out().println("- **" + Sanitizer.oneLine(q.id()) + "** (" + Sanitizer.oneLine(String.join(", ", q.tags()))
              + "): " + Sanitizer.oneLine(q.question()) + (mark.isEmpty() ? "" : " *(" + mark.replace(",", ", ") + ")*"));
        }
        break;
      default:
        printRows(ws, selected, marks);
    }
    root.ctx.out().flush();
    return ExitCode.OK;
  }

  /**
   * On a terminal: aligned rows fitted to the screen, where the question gives up width (an id is
   * never cut). Otherwise whole tab-separated lines, id, tags and question, for cut/awk/grep.
   */
  private void printRows(Workspace ws, List<Question> selected, Marks marks) {
    PrintWriter out = root.ctx.out();
    if (!root.ctx.terminal()) {
      for (Question q : selected) {
        String mark = mark(marks.get(q.id()));
        out.println(field(q.id()) + "\t" + field(String.join(",", q.tags())) + "\t" + field(Printing.oneLine(q.question()))
            + (mark.isEmpty() ? "" : "\t" + mark));
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
    int tagCap = Math.max(TAG_COLS, width / 4);
    for (Question q : selected) {
      int iw = Text.width(Sanitizer.oneLine(q.id()));
      int tw = Text.width(tagsAndMark(q, marks));
      if (iw <= idCap) idWidth = Math.max(idWidth, iw);
      if (tw <= tagCap) tagWidth = Math.max(tagWidth, tw);
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
      int avail = room - MIN_QUESTION;
      String tags = avail < TAG_MIN ? "" : pad(Text.cut(tagsAndMark(q, marks), avail), Math.min(tagWidth, avail)) + GAP;
      room -= Text.width(tags) - GAP.length();
      String question = room > 0 ? Text.cut(Printing.oneLine(q.question()), room) : "";
      out.println((lead + style.dim(tags) + question).stripTrailing());
    }
  }

  /** flagged, suspended, both with a comma, or empty. */
  private static String mark(Marks.Mark m) {
    return m.flagged() && m.suspended() ? "flagged,suspended" : m.flagged() ? "flagged" : m.suspended() ? "suspended" : "";
  }

  private static String tagsAndMark(Question q, Marks marks) {
    String tags = Sanitizer.oneLine(String.join(",", q.tags()));
    String mark = mark(marks.get(q.id()));
    return mark.isEmpty() ? tags : (tags.isEmpty() ? "" : tags + " ") + "[" + mark.replace(",", ", ") + "]";
  }

  /** The set-aside marks from the log: only its set-aside lines are parsed, as list runs in prompts and scripts. */
  private Marks marks(Workspace ws) {
    try {
      return ws.log(data.dataDir(root.ctx)).readMarks();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
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
