package idrill.cli;

import idrill.bank.Bank;
import idrill.bank.Suggest;
import idrill.bank.UnknownNameException;
import idrill.render.Sanitizer;
import idrill.review.Aside;
import idrill.review.AsideEvent;
import idrill.review.FsrsParams;
import idrill.review.ReviewEvents;
import idrill.review.ReviewLog;
import idrill.review.Schedule;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code idrill suspend|unsuspend|bury|flag|unflag ID...}: one event per question whose state changes, appended to
 * this machine's log like a grade; a question already in that state is left as it is and said so.
 */
final class AsideCommand implements Callable<Integer>, Model.Declared {
  private final IdrillCommand root;
  private final Aside kind;
  final CommonOptions common = new CommonOptions();
  final DataOptions data = new DataOptions();
  List<String> ids;

  AsideCommand(IdrillCommand root, Aside kind) {
    this.root = root;
    this.kind = kind;
  }

  @Override
  public CommandSpec model() {
    return Model.command(name(kind), this).description(description(kind))
        .mixin(common.model()).mixin(data.model())
        .positional("ID").arity("1..*").help("Question ids (see 'idrill list').").list()
            .to(new Model.To<List<String>>() { void set(List<String> v) { ids = v; } })
        .spec();
  }

  /** The command's name: the event's. */
  static String name(Aside kind) {
    return kind.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static String[] description(Aside kind) {
    switch (kind) {
      case SUSPEND:
        return new String[] {"Logged like a grade (a 'suspend' line in reviews-MACHINE.tsv); the drill's u undoes a"
            + " suspend made there."};
      case UNSUSPEND:
        return new String[] {};
      case BURY:
        return new String[] {};
      case FLAG:
        return new String[] {"List them with 'idrill list --flagged'."};
      default:
        return new String[] {};
    }
  }

  @Override
  public Integer call() {
    Workspace ws = new Workspace(root.ctx, common);
    Bank bank = ws.bank();
    LinkedHashSet<String> wanted = new LinkedHashSet<>();
    for (String id : ids) { // every id is checked before anything is written
      if (bank.byId(id).isEmpty()) {
        throw new UnknownNameException("unknown question id '" + id + "'", Suggest.closest(id, bank.ids(), 3));
      }
      wanted.add(id);
    }
    Instant now = ws.clock().instant();
    ReviewLog log = ws.log(data.dataDir(root.ctx));
    PrintWriter out = root.ctx.out();
    try {
      ReviewEvents all = log.read(Workspace.warnings(root.ctx.err()), now);
      root.ctx.err().flush();
      // only the day and the marks matter here, and neither depends on the FSRS weights
      Schedule schedule = Schedule.replay(all.standing(), FsrsParams.defaults(), ws.zone(), ws.config().dayStartHour());
      List<String> changed = new ArrayList<>();
      List<String> already = new ArrayList<>();
      for (String id : wanted) {
        if (inState(schedule, id, now)) {
          already.add(id);
          continue;
        }
        long at = now.toEpochMilli();
        while (all.taken(id, at)) at++; // an undo names its event by time: give this one a time of its own
        log.append(new AsideEvent(Instant.ofEpochMilli(at), id, kind));
        changed.add(id);
      }
      if (!changed.isEmpty()) {
        String until = kind == Aside.BURY ? " until " + ShowCommand.local(schedule.startOf(schedule.day(now).plusDays(1)),
            schedule) : "";
        out.println(kind.done() + " " + count(changed.size()) + until + ": " + list(changed));
      }
      if (!already.isEmpty()) out.println(list(already) + (already.size() == 1 ? " is " : " are ") + state());
      out.flush();
      return ExitCode.OK;
    } catch (IOException e) {
      throw new UncheckedIOException(e.getMessage(), e);
    }
  }

  /** Whether the event would change nothing. */
  private boolean inState(Schedule s, String id, Instant now) {
    switch (kind) {
      case SUSPEND: return s.suspended(id);
      case UNSUSPEND: return !s.suspended(id);
      case BURY: return s.buried(id, now);
      case FLAG: return s.flagged(id);
      default: return !s.flagged(id);
    }
  }

  private String state() {
    switch (kind) {
      case UNSUSPEND: return "not suspended";
      case UNFLAG: return "not flagged";
      default: return kind.done() + " already";
    }
  }

  private static String count(int n) {
    return n + (n == 1 ? " question" : " questions");
  }

  private static String list(List<String> ids) {
    return Sanitizer.oneLine(String.join(", ", ids));
  }
}
