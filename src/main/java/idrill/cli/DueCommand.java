package idrill.cli;

import com.google.gson.stream.JsonWriter;
import idrill.bank.Question;
import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.render.Text;
import idrill.review.CardState;
import idrill.review.Forecast;
import idrill.review.MemoryState;
import idrill.review.Schedule;
import idrill.stats.ForecastView;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class DueCommand implements Callable<Integer>, Model.Declared {
  private final IdrillCommand root;
  final CommonOptions common = new CommonOptions();
  final FilterOptions filters = new FilterOptions();
  final DataOptions data = new DataOptions();
  boolean count;
  boolean all;
  Integer days;
  LocalDate on;
  ReportFormat format;

  DueCommand(IdrillCommand root) {
    this.root = root;
  }

  @Override
  public CommandSpec model() {
    return Model.command("due", this)
      .description("With --days N, how many come due on each of the next N days; with --on DATE, which come due"
          + " that day (reviews and learning steps, assuming none is reviewed before; new questions are"
          + " not forecast).")
      .footer("",
          "In a shell prompt: PS1='[$(idrill due --count)] \\$ '")
      .mixin(common.model())
      .mixin(filters.model())
      .mixin(data.model())
      .flag("--count")
          .help("Print just the number.").to(new Model.To<Boolean>() { void set(Boolean v) { count = v; } })
      .flag("--all")
          .help("Every question of the filter with its memory state, not only the due ones.")
          .to(new Model.To<Boolean>() { void set(Boolean v) { all = v; } })
      .option("--days").label("N").type(Integer.class)
          .help("A forecast: the number coming due on each of the next N days, today first (1-3660).")
          .to(new Model.To<Integer>() { void set(Integer v) { days = v; } })
      .option("--on").label("YYYY-MM-DD").converter(LocalDate.class, new RandomCommand.DateConverter())
          .help("The questions that come due on that day (today or later; with --count, just the number).")
          .to(new Model.To<LocalDate>() { void set(LocalDate v) { on = v; } })
      .option("--format").label("FORMAT").defaultValue("text").type(ReportFormat.class)
          .help("text|json").to(new Model.To<ReportFormat>() { void set(ReportFormat v) { format = v; } })
      .spec();
  }

  @Override
  public Integer call() {
    if (days != null && (days < 1 || days > 3660)) throw new UsageException("--days must be 1 to 3660");
    if (days != null && (on != null || count || all)) {
      throw new UsageException("--days cannot be combined with --on, --count or --all");
    }
    if (on != null && all) throw new UsageException("--on cannot be combined with --all");
    Workspace ws = new Workspace(root.ctx, common);
    List<Question> selected = ws.select(filters.filter());
    Schedule schedule = ws.schedule(data.dataDir(root.ctx));
    Instant now = ws.clock().instant();
    List<String> ids = new ArrayList<>(selected.size());
    for (Question q : selected) ids.add(q.id());
    int newPerDay = ws.config().newPerDay();
    PrintWriter out = root.ctx.out();
    if (days != null) return forecast(ws, schedule, ids, now, out);
    if (on != null) return dueOn(ws, schedule, selected, ids, now, out);
    if (count) {
      out.println(schedule.dueCount(ids, now, newPerDay));
      out.flush();
      return ExitCode.OK;
    }
    List<String> due = schedule.dueQueue(ids, now, newPerDay);
    Map<String, Question> byId = new HashMap<>();
    for (Question q : selected) byId.put(q.id(), q);
    List<String> shown = all ? ids : due;
    if (format == ReportFormat.json) {
      out.println(Json.write(w -> {
        w.beginArray();
        for (String id : shown) state(w, id, schedule, now);
        w.endArray();
      }));
    } else {
      Style style = ws.style();
      out.println(style.bold(String.valueOf(due.size())) + (due.size() == 1 ? " question is" : " questions are")
          + " due now" + filterNote() + (due.isEmpty() ? "." : ":"));
      if (due.isEmpty()) {
        String next = next(schedule, ids, now, newPerDay);
        if (next != null) out.println(Text.cut(next, ws.width()));
      }
      list(ws, schedule, shown, byId, out);
    }
    out.flush();
    return ExitCode.OK;
  }

  /**
   * {@code next: softmax-temperature in 3 h 12 min, today 14:05}: the question of ids that comes due first, or null
   * when none ever will (only new questions, and new_per_day is 0).
   */
  static String next(Schedule schedule, List<String> ids, Instant now, int newPerDay) {
    int newLeft = Math.max(0, newPerDay - schedule.introducedOn(schedule.dayNumber(now)));
    Forecast.Next next = Forecast.next(schedule, ids, schedule::state, now, newPerDay, newLeft);
    if (next == null) return null;
    return "next: " + Sanitizer.oneLine(next.describe(now, schedule.zone()));
  }

  private String filterNote() {
    return filters.filter().isEmpty() ? "" : " (" + Sanitizer.oneLine(filters.filter().describe()) + ")";
  }

  private static void list(Workspace ws, Schedule schedule, List<String> shown, Map<String, Question> byId,
      PrintWriter out) {
    Style style = ws.style();
    int idWidth = 0;
    for (String id : shown) idWidth = Math.max(idWidth, Math.min(32, Text.width(Sanitizer.oneLine(id))));
    for (String id : shown) {
      MemoryState s = schedule.state(id);
      String line = ListCommand.pad(Sanitizer.oneLine(id), idWidth) + "  "
          + style.dim(ListCommand.pad(s.state().word(), 10)) + "  "
          + Printing.oneLine(byId.get(id).question());
      out.println(Text.cut(line, ws.width()));
    }
  }

  /** --days N: one row per day with a bar, or [{date, due}] in JSON. */
  private int forecast(Workspace ws, Schedule schedule, List<String> ids, Instant now, PrintWriter out) {
    int[] counts = Forecast.days(schedule, ids, now, days);
    LocalDate today = schedule.day(now);
    if (format == ReportFormat.json) {
      out.println(Json.write(w -> {
        w.beginArray();
        for (int i = 0; i < counts.length; i++) {
          w.beginObject().name("date").value(today.plusDays(i).toString()).name("due").value(counts[i]).endObject();
        }
        w.endArray();
      }));
      out.flush();
      return ExitCode.OK;
    }
    int total = 0;
    List<Integer> due = new ArrayList<>(counts.length);
    for (int c : counts) {
      total += c;
      due.add(c);
    }
    out.println(ws.style().bold(String.valueOf(total)) + (total == 1 ? " question comes" : " questions come")
        + " due " + (days == 1 ? "today" : "in the " + days + " days from today") + filterNote()
        + (days == 1 ? ":" : ", by day:"));
    for (String row : ForecastView.rows(today, due, ws.style(), ws.width())) out.println(row);
    out.flush();
    return ExitCode.OK;
  }

  /** --on DATE: what comes due that day, listed like due, or its count, or the states in JSON. */
  private int dueOn(Workspace ws, Schedule schedule, List<Question> selected, List<String> ids, Instant now,
      PrintWriter out) {
    LocalDate today = schedule.day(now);
    if (on.isBefore(today)) {
      throw new UsageException("--on " + on + " is in the past (today is " + today + ")");
    }
    List<String> that = Forecast.on(schedule, ids, now, on);
    if (count) {
      out.println(that.size());
    } else if (format == ReportFormat.json) {
      out.println(Json.write(w -> {
        w.beginArray();
        for (String id : that) state(w, id, schedule, now);
        w.endArray();
      }));
    } else {
      Map<String, Question> byId = new HashMap<>();
      for (Question q : selected) byId.put(q.id(), q);
      out.println(ws.style().bold(String.valueOf(that.size())) + (that.size() == 1 ? " question comes" : " questions come")
          + " due on " + ForecastView.weekday(on) + " " + on + (on.equals(today) ? " (today, overdue included)" : "") + filterNote()
          + (that.isEmpty() ? "." : ":"));
      list(ws, schedule, that, byId, out);
    }
    out.flush();
    return ExitCode.OK;
  }

  static void state(JsonWriter w, String id, Schedule schedule, Instant now) throws IOException {
    MemoryState s = schedule.state(id);
    boolean fresh = s.state() == CardState.NEW;
    w.beginObject().name("id").value(id).name("state").value(s.state().word());
    w.name("due");
    if (fresh) w.nullValue(); else w.value(Json.time(s.due()));
    w.name("stability");
    if (fresh) w.nullValue(); else w.value(s.stability());
    w.name("difficulty");
    if (fresh) w.nullValue(); else w.value(s.difficulty());
    w.name("retrievability").value(schedule.predictedRecall(id, now));
    w.name("reps").value(s.reps()).name("lapses").value(s.lapses());
    w.name("last_review");
    if (fresh) w.nullValue(); else w.value(Json.time(s.lastReview()));
    Instant unburied = schedule.buriedUntil(id, now);
    w.name("suspended").value(schedule.suspended(id)).name("buried_until");
    if (unburied == null) w.nullValue(); else w.value(Json.time(unburied));
    w.name("flagged").value(schedule.flagged(id));
    w.endObject();
  }
}
