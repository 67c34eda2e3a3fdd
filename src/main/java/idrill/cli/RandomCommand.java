package idrill.cli;

import idrill.bank.DailyPick;
import idrill.bank.Question;
import idrill.review.Marks;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.TypeConversionException;

final class RandomCommand implements Callable<Integer>, Model.Declared {
  private final IdrillCommand root;
  final CommonOptions common = new CommonOptions();
  final FilterOptions filters = new FilterOptions();
  final DataOptions data = new DataOptions();
  boolean daily;
  LocalDate date;
  Long seed;
  boolean answer;
  Format format;

  RandomCommand(IdrillCommand root) {
    this.root = root;
  }

  @Override
  public CommandSpec model() {
    return Model.command("random", this)
      .description("With --daily, the question of the day: the same one all day for the same bank and filter,"
          + " and no repeat until every question of the filter has had its day; suspended questions"
          + " never have theirs.")
      .footer("",
          "Example, in ~/.bashrc or a motd script:",
          "  idrill random --daily -t deep-learning")
      .mixin(common.model())
      .mixin(filters.model())
      .mixin(data.model())
      .flag("--daily")
          .help("The question of the day.").to(new Model.To<Boolean>() { void set(Boolean v) { daily = v; } })
      .option("--date").label("YYYY-MM-DD").converter(LocalDate.class, new DateConverter())
          .help("With --daily: the question of that day instead of today.")
          .to(new Model.To<LocalDate>() { void set(LocalDate v) { date = v; } })
      .option("--seed").label("N").type(Long.class)
          .help("Pick reproducibly.").to(new Model.To<Long>() { void set(Long v) { seed = v; } })
      .flag("--answer")
          .help("Print the answer too (JSON always includes it).")
          .to(new Model.To<Boolean>() { void set(Boolean v) { answer = v; } })
      .option("--format").label("FORMAT").defaultValue("text").type(Format.class)
          .help("text|json|markdown").to(new Model.To<Format>() { void set(Format v) { format = v; } })
      .spec();
  }

  @Override
  public Integer call() {
    if (date != null && !daily) throw new UsageException("--date needs --daily");
    if (seed != null && daily) throw new UsageException("--seed and --daily exclude each other");
    Workspace ws = new Workspace(root.ctx, common);
    List<Question> selected = ws.select(filters.filter());
    Question q;
    if (daily) {
      LocalDate day = date != null ? date : ws.today();
      q = DailyPick.pick(unsuspended(ws, selected), day);
    } else {
      SplittableRandom random = seed != null ? new SplittableRandom(seed) : new SplittableRandom();
      q = selected.get(random.nextInt(selected.size()));
    }
    Printing.question(ws, q, answer, format);
    return ExitCode.OK;
  }

  /** The selection without suspended questions; only the log's set-aside lines are parsed (a prompt runs this). */
  private List<Question> unsuspended(Workspace ws, List<Question> selected) {
    Marks marks;
    try {
      marks = ws.log(data.dataDir(root.ctx)).readMarks();
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
    if (marks.ids().isEmpty()) return selected;
    List<Question> out = new ArrayList<>(selected.size());
    for (Question q : selected) if (!marks.get(q.id()).suspended()) out.add(q);
    if (out.isEmpty()) {
      throw new NoMatchException("every question of " + (filters.filter().isEmpty() ? "the bank" : filters.filter().describe())
          + " is suspended ('idrill unsuspend ID' brings one back)");
    }
    return out;
  }

  static final class DateConverter implements ITypeConverter<LocalDate> {
    @Override
    public LocalDate convert(String value) {
      try {
        return LocalDate.parse(value);
      } catch (DateTimeParseException e) {
        throw new TypeConversionException("'" + value + "' is not a date like 2026-12-10");
      }
    }
  }
}
