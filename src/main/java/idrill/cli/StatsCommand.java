package idrill.cli;

import idrill.bank.Question;
import idrill.review.Schedule;
import idrill.stats.Stats;
import idrill.stats.StatsView;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

final class StatsCommand implements Callable<Integer>, Model.Declared {
  private final IdrillCommand root;
  final CommonOptions common = new CommonOptions();
  final FilterOptions filters = new FilterOptions();
  final DataOptions data = new DataOptions();
  LocalDate on;
  ReportFormat format;

  StatsCommand(IdrillCommand root) {
    this.root = root;
  }

  @Override
  public CommandSpec model() {
    return Model.command("stats", this)
      .description("With --on DATE, predicted recall on that day (an interview, say), overall and per tag.")
      .mixin(common.model())
      .mixin(filters.model())
      .mixin(data.model())
      .option("--on").label("YYYY-MM-DD").converter(LocalDate.class, new RandomCommand.DateConverter())
          .help("Predict recall on that day; unseen questions count as 0.")
          .to(new Model.To<LocalDate>() { void set(LocalDate v) { on = v; } })
      .option("--format").label("FORMAT").defaultValue("text").type(ReportFormat.class)
          .help("text|json").to(new Model.To<ReportFormat>() { void set(ReportFormat v) { format = v; } })
      .spec();
  }

  /** Suspended, buried and flagged questions of the selection at now. */
  static int[] setAside(List<Question> selected, Schedule schedule, java.time.Instant now) {
    int[] n = new int[3];
    for (Question q : selected) {
      if (schedule.suspended(q.id())) n[0]++;
      if (schedule.buried(q.id(), now)) n[1]++;
      if (schedule.flagged(q.id())) n[2]++;
    }
    return n;
  }

  @Override
  public Integer call() {
    Workspace ws = new Workspace(root.ctx, common);
    List<Question> selected = ws.select(filters.filter());
    Schedule schedule = ws.schedule(data.dataDir(root.ctx));
    Stats stats = Stats.compute(selected, schedule, ws.clock().instant(), ws.config().newPerDay(), on,
        ws.config().leechLapses());
    PrintWriter out = root.ctx.out();
    int[] aside = setAside(selected, schedule, ws.clock().instant());
    if (format == ReportFormat.json) {
      out.println(Json.write(w -> {
        Stats.Totals t = stats.totals();
        w.beginObject().name("totals").beginObject()
            .name("questions").value(t.questions()).name("seen").value(t.seen())
            .name("due_today").value(t.dueToday()).name("new_today").value(t.newToday()).name("reviews").value(t.reviews())
            .name("current_streak").value(t.currentStreak()).name("longest_streak").value(t.longestStreak())
            .name("true_retention_30d").value(t.trueRetention30d()).name("retention_sample").value(t.retentionSample())
            .name("leeches").value(t.leeches())
            .name("suspended").value(aside[0]).name("buried").value(aside[1]).name("flagged").value(aside[2]).endObject();
        w.name("heatmap").beginArray();
        LocalDate day = stats.heatmap().firstDay();
        for (int c : stats.heatmap().counts()) {
          w.beginObject().name("date").value(day.toString()).name("reviews").value(c).endObject();
          day = day.plusDays(1);
        }
        w.endArray();
        w.name("forecast").beginArray();
        LocalDate ahead = stats.forecast().today();
        for (int c : stats.forecast().due()) {
          w.beginObject().name("date").value(ahead.toString()).name("due").value(c).endObject();
          ahead = ahead.plusDays(1);
        }
        w.endArray();
        w.name("weakest").beginArray();
        for (Stats.Weak q : stats.weakest()) {
          w.beginObject().name("id").value(q.id()).name("lapses").value(q.lapses()).name("recall").value(q.recall())
              .name("leech").value(q.leech()).endObject();
        }
        w.endArray();
        w.name("tags").beginArray();
        for (Stats.TagRow r : stats.tags()) {
          w.beginObject().name("tag").value(r.tag()).name("questions").value(r.questions()).name("seen").value(r.seen())
              .name("good_share").value(r.goodShare()).name("mean_recall").value(r.meanRecall()).endObject();
        }
        w.endArray();
        if (stats.readiness() != null) {
          Stats.Readiness r = stats.readiness();
          w.name("readiness").beginObject().name("on").value(r.on().toString()).name("recall").value(r.overall());
          w.name("tags").beginArray();
          for (Stats.Readiness.TagReadiness tr : r.tags()) {
            w.beginObject().name("tag").value(tr.tag()).name("questions").value(tr.questions())
                .name("recall").value(tr.recall()).endObject();
          }
          w.endArray().endObject();
        }
        w.endObject();
      }));
    } else {
      for (String line : new StatsView(ws.style(), ws.width()).lines(stats)) out.println(line);
      if (aside[0] + aside[1] + aside[2] > 0) {
        out.println();
        out.println(ws.style().heading("Set aside") + "  " + aside[0] + " suspended · " + aside[1] + " buried until"
            + " tomorrow · " + aside[2] + " flagged (not counted as due; 'idrill list --suspended', '--flagged')");
      }
    }
    out.flush();
    return ExitCode.OK;
  }
}
