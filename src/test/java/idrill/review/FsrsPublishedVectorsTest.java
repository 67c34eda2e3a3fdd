package idrill.review;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The published FSRS-6 vectors of ts-fsrs __tests__/FSRS-6.test.ts (also in py-fsrs and go-fsrs). */
class FsrsPublishedVectorsTest {
  private static final Instant START = Instant.parse("2022-11-29T12:30:00Z");
  private final Fsrs fsrs = new Fsrs(FsrsParams.defaults(), ZoneOffset.UTC, 0);

  private static Grade grade(int rating) {
    return Grade.values()[rating - 1];
  }

  @Test
  void intervalHistoryWhenEachReviewIsAtTheDueTime() {
    int[] ratings = {3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3};
    long[] intervals = new long[ratings.length];
    MemoryState s = MemoryState.NEW;
    Instant now = START;
    for (int i = 0; i < ratings.length; i++) {
      s = fsrs.review(s, grade(ratings[i]), now);
      intervals[i] = Duration.between(s.lastReview(), s.due()).toDays();
      now = s.due();
    }
    assertArrayEquals(new long[] {0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21}, intervals);
  }

  @Test
  void firstRepeatOfANewCard() {
    double[] stability = new double[4];
    double[] difficulty = new double[4];
    CardState[] states = new CardState[4];
    for (int g = 1; g <= 4; g++) {
      MemoryState s = fsrs.review(MemoryState.NEW, grade(g), START);
      stability[g - 1] = s.stability();
      difficulty[g - 1] = s.difficulty();
      states[g - 1] = s.state();
      assertEquals(1, s.reps());
      assertEquals(0, s.lapses());
    }
    assertArrayEquals(new double[] {0.212, 1.2931, 2.3065, 8.2956}, stability, 0);
    assertArrayEquals(new double[] {6.4133, 5.11217071, 2.11810397, 1}, difficulty, 0);
    assertArrayEquals(new CardState[] {CardState.LEARNING, CardState.LEARNING, CardState.LEARNING,
        CardState.REVIEW}, states);
    assertEquals(START.plus(Duration.ofDays(8)), fsrs.review(MemoryState.NEW, Grade.EASY, START).due());
  }

  @Test
  void memoryStateAgainThenGoods() {
    MemoryState s = scheduled(new int[] {1, 3, 3, 3, 3, 3});
    assertEquals(53.62691, s.stability(), 1e-4);
    assertEquals(6.3574867, s.difficulty(), 1e-4);
    assertEquals(Instant.parse("2023-02-24T12:30:00Z"), s.due());
    Fsrs.Memory m = pure(new int[] {1, 3, 3, 3, 3, 3});
    assertEquals(53.62691, m.stability(), 1e-4);
    assertEquals(6.3574867, m.difficulty(), 1e-4);
  }

  @Test
  void memoryStateAllFourGrades() {
    MemoryState s = scheduled(new int[] {1, 2, 3, 4, 3, 3});
    assertEquals(51.0810, s.stability(), 1e-4);
    assertEquals(6.7493, s.difficulty(), 1e-4);
    assertEquals(Instant.parse("2023-02-21T12:30:00Z"), s.due());
    Fsrs.Memory m = pure(new int[] {1, 2, 3, 4, 3, 3});
    assertEquals(51.0810, m.stability(), 1e-4);
    assertEquals(6.7493, m.difficulty(), 1e-4);
  }

  @Test
  void memoryStateLongTerm() {
    // ts-fsrs 'memory state[long-term]': same ratings and gaps with enable_short_term false
    Fsrs longTerm = new Fsrs(new FsrsParams(FsrsParams.defaults().weights(), 0.9, 36500,
        FsrsParams.defaults().learningSteps(), FsrsParams.defaults().relearningSteps(), false),
        ZoneOffset.UTC, 0);
    MemoryState s = MemoryState.NEW;
    Instant now = START;
    int[] ratings = {1, 3, 3, 3, 3, 3};
    for (int i = 0; i < ratings.length; i++) {
      now = now.plus(Duration.ofDays(GAPS[i]));
      s = longTerm.review(s, grade(ratings[i]), now);
    }
    assertEquals(53.335106, s.stability(), 1e-4);
    assertEquals(6.3574867, s.difficulty(), 1e-4);
  }

  private static final int[] GAPS = {0, 0, 1, 3, 8, 21};

  /** As the reference test does: full scheduling, each review GAPS[i] days after the previous one. */
  private MemoryState scheduled(int[] ratings) {
    MemoryState s = MemoryState.NEW;
    Instant now = START;
    for (int i = 0; i < ratings.length; i++) {
      now = now.plus(Duration.ofDays(GAPS[i]));
      s = fsrs.review(s, grade(ratings[i]), now);
    }
    return s;
  }

  /** As the reference next_state test does: memory only, t = GAPS[i]. */
  private Fsrs.Memory pure(int[] ratings) {
    Fsrs.Memory m = null;
    for (int i = 0; i < ratings.length; i++) m = fsrs.nextState(m, GAPS[i], ratings[i]);
    return m;
  }
}
