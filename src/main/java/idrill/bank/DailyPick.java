package idrill.bank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The question of the day: one fixed shuffled order of the selection, walked one step per day, so any N consecutive
 * days over N questions show N different questions, and the same day always shows the same one.
 */
public final class DailyPick {
  private DailyPick() {}

  public static Question pick(List<Question> selection, LocalDate day) {
    if (selection.isEmpty()) throw new IllegalArgumentException("empty selection");
    List<Question> order = new ArrayList<>(selection);
    // Sorting first makes the order depend on which questions are selected, not on bank file order.
    order.sort(Comparator.comparing(Question::id));
    SplittableRandom random = new SplittableRandom(fingerprint(order));
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Question tmp = order.get(i);
      order.set(i, order.get(j));
      order.set(j, tmp);
    }
    return order.get((int) Math.floorMod(day.toEpochDay(), (long) order.size()));
  }

  // FNV-1a over the ids: stable across JVMs and releases, unlike String.hashCode of a joined list it is specified here.
  private static long fingerprint(List<Question> sorted) {
    long h = 0xcbf29ce484222325L;
    for (Question q : sorted) {
      for (int i = 0; i < q.id().length(); i++) {
        h ^= q.id().charAt(i);
        h *= 0x100000001b3L;
      }
      h ^= '\n';
      h *= 0x100000001b3L;
    }
    return h;
  }
}
