package idrill.bank;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DailyPickTest {
  private static Question q(String id) {
    return new Question(id, "Q " + id, "A", List.of(), Difficulty.MEDIUM, List.of(), new Position("t.yaml", 1, 1));
  }

  /** The pick as first released: whole sort, whole shuffle. An upgrade must not change anyone's question of the day. */
  private static Question reference(List<Question> selection, LocalDate day) {
    List<Question> order = new ArrayList<>(selection);
    order.sort(Comparator.comparing(Question::id));
    long h = 0xcbf29ce484222325L;
    for (Question q : order) {
      for (int i = 0; i < q.id().length(); i++) {
        h ^= q.id().charAt(i);
        h *= 0x100000001b3L;
      }
      h ^= '\n';
      h *= 0x100000001b3L;
    }
    SplittableRandom random = new SplittableRandom(h);
    for (int i = order.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Collections.swap(order, i, j);
    }
    return order.get((int) Math.floorMod(day.toEpochDay(), (long) order.size()));
  }

  @Test
  void picksWhatTheFirstReleasePickedForAnySelectionAndDay() {
    Random random = new Random(11);
    for (int n : new int[] {1, 2, 3, 7, 53, 100, 1000}) {
      List<Question> selection = new ArrayList<>();
      for (int i = 0; i < n; i++) selection.add(q("q-" + Integer.toString(random.nextInt(1_000_000), 36) + "-" + i));
      for (int d = 0; d < 2 * n + 5; d++) {
        LocalDate day = LocalDate.of(2026, 1, 1).plusDays(d * 37L - 400);
        assertEquals(reference(selection, day).id(), DailyPick.pick(selection, day).id(), n + " questions, " + day);
      }
      Collections.shuffle(selection, random); // bank order does not matter
      LocalDate day = LocalDate.of(2026, 12, 2);
      assertEquals(reference(selection, day).id(), DailyPick.pick(selection, day).id());
    }
  }

  @Test
  void nConsecutiveDaysShowNDifferentQuestions() {
    List<Question> selection = new ArrayList<>();
    for (int i = 0; i < 40; i++) selection.add(q("id" + i));
    Set<String> seen = new HashSet<>();
    for (int d = 0; d < 40; d++) seen.add(DailyPick.pick(selection, LocalDate.of(2026, 3, 1).plusDays(d)).id());
    assertEquals(40, seen.size());
  }
}
