package idrill.mock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import idrill.bank.Position;
import idrill.bank.Question;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MockSelectionTest {
  static Question q(String id, String... tags) {
    return new Question(id, id + "?", "A.", List.of(tags), null, List.of(), new Position("t.yaml", 1, 1));
  }

  static List<String> ids(List<Question> qs) {
    return qs.stream().map(Question::id).toList();
  }

  @Test
  void lowPredictedRecallIsPickedFarMoreOftenThanHighRecall() {
    List<Question> pool = new ArrayList<>();
    Map<String, Double> recall = new HashMap<>();
    for (int i = 0; i < 10; i++) {
      pool.add(q("weak" + i, "t" + i));
      recall.put("weak" + i, 0.3);
      pool.add(q("strong" + i, "s" + i));
      recall.put("strong" + i, 0.97);
    }
    int weak = 0, strong = 0;
    for (long seed = 0; seed < 200; seed++) {
      for (Question q : MockSelection.pick(pool, recall::get, 5, new Random(seed))) {
        if (q.id().startsWith("weak")) weak++;
        else strong++;
      }
    }
    assertEquals(1000, weak + strong);
    assertTrue(weak > 10 * strong, "weak " + weak + " vs strong " + strong);
    assertTrue(strong > 0, "a well-known question can still come up");
  }

  @Test
  void someUnseenQuestionsAreMixedInAmongTheSeen() {
    List<Question> pool = new ArrayList<>();
    Map<String, Double> recall = new HashMap<>();
    for (int i = 0; i < 20; i++) {
      pool.add(q("seen" + i, "a" + i));
      recall.put("seen" + i, 0.5);
      pool.add(q("new" + i, "b" + i));
    }
    for (long seed = 0; seed < 20; seed++) {
      List<Question> picked = MockSelection.pick(pool, recall::get, 5, new Random(seed));
      long unseen = picked.stream().filter(x -> x.id().startsWith("new")).count();
      assertEquals(1, unseen, ids(picked).toString());
    }
    List<Question> onlyNew = List.of(q("n1", "a"), q("n2", "b"), q("n3", "c"));
    assertEquals(3, MockSelection.pick(onlyNew, id -> null, 5, new Random(1)).size(), "never seen: all unseen, n cut to the pool");
  }

  @Test
  void neverTwoOfTheSameTagInARowWhereTheFilterAllows() {
    // three of one tag and two of another must alternate: a b a b a
    List<Question> pool = List.of(q("a1", "a"), q("a2", "a"), q("a3", "a"), q("b1", "b"), q("b2", "b"));
    for (long seed = 0; seed < 50; seed++) {
      List<Question> picked = MockSelection.pick(pool, id -> 0.5, 5, new Random(seed));
      for (int i = 1; i < picked.size(); i++) {
        assertFalse(MockSelection.shareTag(picked.get(i - 1), picked.get(i)), "seed " + seed + ": " + ids(picked));
      }
    }
    // one tag only: nothing to spread, all five still come
    List<Question> same = List.of(q("x1", "x"), q("x2", "x"), q("x3", "x"));
    assertEquals(3, MockSelection.pick(same, id -> 0.5, 3, new Random(1)).size());
  }

  @Test
  void aQuestionWithTwoTagsClashesOnEither() {
    List<Question> order = MockSelection.spread(List.of(q("ab", "a", "b"), q("b", "b"), q("c", "c")));
    for (int i = 1; i < order.size(); i++) assertFalse(MockSelection.shareTag(order.get(i - 1), order.get(i)), ids(order).toString());
  }

  @Test
  void theSameSeedPicksTheSameQuestionsInTheSameOrder() {
    List<Question> pool = new ArrayList<>();
    for (int i = 0; i < 30; i++) pool.add(q("q" + i, "t" + (i % 6)));
    List<String> first = ids(MockSelection.pick(pool, id -> 0.6, 5, new Random(42)));
    assertEquals(first, ids(MockSelection.pick(pool, id -> 0.6, 5, new Random(42))));
    boolean differs = false;
    for (long seed = 0; seed < 10 && !differs; seed++) {
      differs = !ids(MockSelection.pick(pool, id -> 0.6, 5, new Random(seed))).equals(first);
    }
    assertTrue(differs, "another seed, another pick");
    assertNotEquals(0, first.size());
  }
}
