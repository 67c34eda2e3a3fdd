package idrill.mock;

import idrill.bank.Question;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Picks a mock interview's questions: weighted toward the lowest predicted recall, some never-seen ones mixed in,
 * and ordered so that no two in a row share a tag wherever the pick allows. Pure: the randomness comes in.
 */
public final class MockSelection {
  /** Share of the pick kept for never-seen questions when both kinds are there (at least one). */
  static final double UNSEEN_SHARE = 0.2;

  private MockSelection() {}

  /**
   * Up to n questions of pool. {@code recall} gives a seen question's predicted recall now, null for one never
   * seen. A seen question's chance goes with (1 − recall)², so a half-forgotten one comes up far more often than a
   * well-known one, and every one can.
   */
  public static List<Question> pick(List<Question> pool, Function<String, Double> recall, int n, Random rnd) {
    List<Question> seen = new ArrayList<>();
    List<Question> unseen = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    for (Question q : pool) {
      Double r = recall.apply(q.id());
      if (r == null) {
        unseen.add(q);
      } else {
        seen.add(q);
        double forget = 1 - Math.max(0, Math.min(1, r));
        weights.add(forget * forget + 0.01);
      }
    }
    int want = Math.min(n, pool.size());
    int unseenQuota = seen.isEmpty() ? want : unseen.isEmpty() ? 0 : Math.max(1, (int) Math.round(want * UNSEEN_SHARE));
    unseenQuota = Math.min(unseenQuota, unseen.size());
    int seenQuota = Math.min(want - unseenQuota, seen.size());
    unseenQuota = Math.min(unseen.size(), want - seenQuota); // too few seen: more unseen

    List<Question> picked = new ArrayList<>(want);
    for (int i = 0; i < seenQuota; i++) {
      double sum = 0;
      for (double w : weights) sum += w;
      double x = rnd.nextDouble() * sum;
      int at = 0;
      while (at < weights.size() - 1 && (x -= weights.get(at)) >= 0) at++;
      picked.add(seen.remove(at));
      weights.remove(at);
    }
    Collections.shuffle(unseen, rnd);
    picked.addAll(unseen.subList(0, unseenQuota));
    Collections.shuffle(picked, rnd);
    return spread(picked);
  }

  /**
   * Orders the questions so that neighbours share no tag where that can be done: each place takes, of those not
   * sharing a tag with the one before, the one most others clash with (the hardest to place later).
   */
  static List<Question> spread(List<Question> qs) {
    List<Question> left = new ArrayList<>(qs);
    List<Question> out = new ArrayList<>(qs.size());
    Question prev = null;
    while (!left.isEmpty()) {
      Question best = null;
      int bestClashes = -1;
      for (Question q : left) {
        if (prev != null && shareTag(prev, q)) continue;
        int clashes = 0;
        for (Question o : left) if (o != q && shareTag(o, q)) clashes++;
        if (clashes > bestClashes) {
          best = q;
          bestClashes = clashes;
        }
      }
      if (best == null) best = left.get(0); // every one left clashes: the filter does not allow more
      left.remove(best);
      out.add(best);
      prev = best;
    }
    return out;
  }

  static boolean shareTag(Question a, Question b) {
    for (String t : a.tags()) if (b.tags().contains(t)) return true;
    return false;
  }
}
