package idrill.bank;

import java.time.LocalDate;
import java.util.Arrays;
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
    Question[] order = selection.toArray(new Question[0]);
    // Sorting first makes the order depend on which questions are selected, not on bank file order.
    Arrays.sort(order, BY_ID);
    SplittableRandom random = new SplittableRandom(fingerprint(order));
    int today = (int) Math.floorMod(day.toEpochDay(), (long) order.length);
    // Fisher-Yates from the end fixes position i at step i and never touches it again: stop once today's is fixed
    for (int i = order.length - 1; i > 0 && i >= today; i--) {
      int j = random.nextInt(i + 1);
      Question tmp = order[i];
      order[i] = order[j];
      order[j] = tmp;
    }
    return order[today];
  }

  /** By id; a class rather than a lambda, whose bootstrap would cost every `random --daily` ~0.5 ms. */
  private static final Comparator<Question> BY_ID = new ById();

  private static final class ById implements Comparator<Question> {
    @Override
    public int compare(Question a, Question b) {
      return a.id().compareTo(b.id());
    }
  }

  /**
   * FNV-1a over the ids' chars: stable across JVMs and releases, unlike String.hashCode of a joined list it is
   * specified here. Over a copy of each id's chars: charAt is four calls deep, which a cold JVM interprets for most
   * of a 10,000-question bank before compiling the loop.
   */
  private static long fingerprint(Question[] sorted) {
    long h = 0xcbf29ce484222325L;
    for (Question q : sorted) {
      for (char c : q.id().toCharArray()) {
        h ^= c;
        h *= 0x100000001b3L;
      }
      h ^= '\n';
      h *= 0x100000001b3L;
    }
    return h;
  }
}
