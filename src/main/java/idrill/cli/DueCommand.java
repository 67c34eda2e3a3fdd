package idrill.cli;

import com.google.gson.stream.JsonWriter;
import idrill.bank.Question;
import idrill.render.Sanitizer;
import idrill.render.Style;
import idrill.render.Text;
import idrill.review.CardState;
import idrill.review.MemoryState;
import idrill.review.Schedule;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "due", mixinStandardHelpOptions = true,
    description = {"How many questions are due now, and which: learning steps due, reviews due today, and new"
        + " questions up to new_per_day, in drill order."},
    footer = {"", "In a shell prompt: PS1='[$(idrill due --count)] \\$ '"})
final class DueCommand implements Callable<Integer> {
  @ParentCommand IdrillCommand root;
  @Mixin CommonOptions common;
  @Mixin FilterOptions filters;
  @Mixin DataOptions data;

  @Option(names = "--count", description = "Print just the number.")
  boolean count;

  @Option(names = "--all", description = "Every question of the filter with its memory state, not only the due ones.")
  boolean all;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text|json")
  ReportFormat format;

  @Override
  public Integer call() {
    Workspace ws = new Workspace(root.ctx, common);
    List<Question> selected = ws.select(filters.filter());
    Schedule schedule = ws.schedule(data.dataDir(root.ctx));
    Instant now = ws.clock().instant();
    List<String> ids = new ArrayList<>(selected.size());
    for (Question q : selected) ids.add(q.id());
    int newPerDay = ws.config().newPerDay();
    PrintWriter out = root.ctx.out();
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
          + " due now" + (filters.filter().isEmpty() ? "" : " (" + filters.filter().describe() + ")")
          + (due.isEmpty() ? "." : ":"));
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
    w.endObject();
  }
}
