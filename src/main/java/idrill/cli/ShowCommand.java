package idrill.cli;

import idrill.bank.Bank;
import idrill.bank.Question;
import idrill.bank.Suggest;
import idrill.bank.UnknownNameException;
import idrill.drill.AnswerEditor;
import idrill.drill.Coverage;
import idrill.render.Sanitizer;
import idrill.review.Answer;
import idrill.review.AnswerLog;
import idrill.render.Style;
import idrill.review.CardState;
import idrill.review.MemoryState;
import idrill.review.Review;
import idrill.review.Schedule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class ShowCommand implements Callable<Integer>, Model.Declared {
  private final IdrillCommand root;
  final CommonOptions common = new CommonOptions();
  final DataOptions data = new DataOptions();
  String id;
  Format format;

  ShowCommand(IdrillCommand root) {
    this.root = root;
  }

  @Override
  public CommandSpec model() {
    return Model.command("show", this)
      .mixin(common.model())
      .mixin(data.model())
      .positional("ID")
          .help("The question's id (see 'idrill list').").to(new Model.To<String>() { void set(String v) { id = v; } })
      .option("--format").label("FORMAT").defaultValue("text").type(Format.class)
          .help("text|json|markdown").to(new Model.To<Format>() { void set(Format v) { format = v; } })
      .spec();
  }

  @Override
  public Integer call() {
    Workspace ws = new Workspace(root.ctx, common);
    Bank bank = ws.bank();
    Question q = bank.byId(id).orElse(null); // not orElseThrow(lambda): its bootstrap is ~0.3 ms of a cold start
    if (q == null) throw new UnknownNameException("unknown question id '" + id + "'", Suggest.closest(id, bank.ids(), 3));
    Path dataDir = data.dataDir(root.ctx);
    Schedule schedule = ws.schedule(dataDir);
    List<Answer> answers = answers(dataDir, q.id());
    Instant now = ws.clock().instant();
    PrintWriter out = root.ctx.out();
    if (format == Format.json) {
      out.println(Json.write(w -> {
        w.beginObject();
        Json.questionFields(w, q);
        w.name("memory");
        DueCommand.state(w, q.id(), schedule, now);
        w.name("leech").value(schedule.state(q.id()).lapses() >= ws.config().leechLapses());
        w.name("history").beginArray();
        for (Review r : schedule.history(q.id())) {
          w.beginObject().name("time").value(Json.time(r.time())).name("grade").value(r.grade().word())
              .name("ms").value(r.ms()).endObject();
        }
        w.endArray();
        w.name("answers").beginArray();
        for (Answer a : answers) {
          w.beginObject().name("time").value(Json.time(a.time())).name("ms").value(a.ms()).name("text").value(a.text());
          MockCommand.coverage(w, Coverage.of(q, a.text()));
          w.endObject();
        }
        w.endArray().endObject();
      }));
      out.flush();
      return ExitCode.OK;
    }
    Printing.question(ws, q, true, format);
    if (format == Format.text) {
      for (String line : history(schedule, q.id(), now, ws.style(), ws.config().leechLapses())) out.println(line);
      for (String line : answerLines(q, answers, schedule, ws.style(), ws.width())) out.println(line);
      out.flush();
    }
    return ExitCode.OK;
  }

  /** Like Anki's card info: the memory state and every standing grade. */
  static List<String> history(Schedule schedule, String id, Instant now, Style style, int leechLapses) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(style.heading("Memory"));
    List<String> marks = new ArrayList<>();
    if (schedule.suspended(id)) marks.add(style.bad("suspended") + " (idrill unsuspend " + Sanitizer.oneLine(id) + ")");
    Instant unburied = schedule.buriedUntil(id, now);
    if (unburied != null) marks.add("buried until " + local(unburied, schedule));
    if (schedule.flagged(id)) marks.add("flagged");
    if (!marks.isEmpty()) lines.add("  " + String.join(" · ", marks));
    MemoryState s = schedule.state(id);
    if (s.state() == CardState.NEW) {
      lines.add("  new: never graded");
      return lines;
    }
    lines.add("  " + s.state().word() + " · due " + local(s.due(), schedule) + " · recall now "
        + fixed(100 * schedule.predictedRecall(id, now), 0) + "%");
    lines.add("  stability " + fixed(s.stability(), 1) + " days · difficulty " + fixed(s.difficulty(), 2) + " · "
        + idrill.render.Text.plural(s.reps(), "review") + " · " + idrill.render.Text.plural(s.lapses(), "lapse")
        + (s.lapses() >= leechLapses ? " · " + style.bad("leech") : "")); // leech_lapses in the config
    lines.add("");
    lines.add(style.heading("History"));
    for (Review r : schedule.history(id)) {
      String grade = r.grade().word();
      String secs = fixed(r.ms() / 1000.0, 1);
      lines.add("  " + local(r.time(), schedule) + "  " + grade + " ".repeat(Math.max(0, 5 - grade.length())) + "  "
          + " ".repeat(Math.max(0, 5 - secs.length())) + secs + " s");
    }
    return lines;
  }

  /** The typed answers of the question in answers.tsv (warnings for skipped lines on stderr). */
  private List<Answer> answers(Path dataDir, String id) {
    try {
      List<Answer> list = new AnswerLog(dataDir).of(id, Workspace.warnings(root.ctx.err()));
      root.ctx.err().flush();
      return list;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Past typed answers, oldest first: date, time taken, coverage against today's key terms, and the text. */
  static List<String> answerLines(Question q, List<Answer> answers, Schedule schedule, Style style, int width) {
    List<String> lines = new ArrayList<>();
    if (answers.isEmpty()) return lines;
    lines.add("");
    lines.add(style.heading("Your answers"));
    for (Answer a : answers) {
      Coverage c = Coverage.of(q, a.text());
      lines.add("  " + local(a.time(), schedule) + "  " + pad(fixed(a.ms() / 1000.0, 1), 5) + " s" + "  "
          + Sanitizer.oneLine(c.line()));
      for (String l : AnswerEditor.lines(a.text(), width - 4, false, style)) lines.add("    " + l);
    }
    return lines;
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }

  /**
   * v with the given decimals, rounded half up as String.format's %.Nf does; String.format loads the locale data
   * (~27 ms of show's start-up) even for Locale.ROOT.
   */
  static String fixed(double v, int decimals) {
    if (!Double.isFinite(v)) return String.valueOf(v);
    return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
  }

  /**
   * yyyy-MM-dd HH:mm in the schedule's zone: LocalDateTime's own text of the minute (years 1970-2200: FSRS
   * intervals end at 100 years). A DateTimeFormatter and a ZoneId would cost show ~10 ms to set up.
   */
  static String local(Instant t, Schedule schedule) {
    return schedule.localTime(t).truncatedTo(ChronoUnit.MINUTES).toString().replace('T', ' ');
  }

}
