package idrill.interop;

import idrill.bank.Question;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges a re-import into an existing bank. Questions match by their text (case, punctuation and
 * Markdown ignored) and keep the existing id, so review history stays attached; nothing is dropped.
 */
public final class BankMerge {
  private BankMerge() {}

  /**
   * The merged bank: existing questions in their order (matched ones with the imported answer, tags and,
   * when given, difficulty), then new ones. kept = matched and unchanged, updated = matched and changed,
   * added = new, onlyInExisting = ids of existing questions the import no longer has (kept in the bank).
   */
  public record Result(List<Question> questions, int kept, int updated, int added, List<String> onlyInExisting) {
    public Result {
      questions = List.copyOf(questions);
      onlyInExisting = List.copyOf(onlyInExisting);
    }
  }

  public static Result merge(List<Question> existing, List<Question> imported) {
    // the same question first (C++ is not C#), then one that differs only in punctuation or markup
    Map<String, Deque<Integer>> byIdentity = new HashMap<>();
    Map<String, Deque<Integer>> byKey = new HashMap<>();
    for (int i = 0; i < existing.size(); i++) {
      byIdentity.computeIfAbsent(Texts.identity(existing.get(i).question()), k -> new ArrayDeque<>()).add(i);
      byKey.computeIfAbsent(Texts.key(existing.get(i).question()), k -> new ArrayDeque<>()).add(i);
    }
    List<Question> merged = new ArrayList<>(existing);
    boolean[] matched = new boolean[existing.size()];
    List<Question> fresh = new ArrayList<>();
    int kept = 0;
    int updated = 0;
    // an imported question that brings its id (idrill's own formats) matches that id first
    Map<String, Integer> byId = new HashMap<>();
    for (int i = 0; i < existing.size(); i++) byId.put(existing.get(i).id(), i);
    for (Question q : imported) {
      Integer at = null;
      Integer same = byId.get(q.id());
      if (same != null && !matched[same] && Texts.identity(existing.get(same).question()).equals(Texts.identity(q.question()))) at = same;
      if (at == null) at = first(byIdentity.get(Texts.identity(q.question())), matched);
      if (at == null) at = first(byKey.get(Texts.key(q.question())), matched);
      if (at == null) {
        fresh.add(q);
        continue;
      }
      matched[at] = true;
      Question old = existing.get(at);
      Question now = new Question(old.id(), q.question(), q.answer(), q.tags(),
          q.difficulty() != null ? q.difficulty() : old.difficulty(),
          q.refs().isEmpty() ? old.refs() : q.refs(), old.position(),
          old.keywords().isEmpty() ? q.keywords() : old.keywords()); // keywords curated in the bank win
      if (same(old, now)) {
        kept++;
      } else {
        updated++;
        merged.set(at, now);
      }
    }
    Set<String> ids = new HashSet<>();
    for (Question q : existing) ids.add(q.id());
    for (Question q : fresh) {
      // an id of an unrelated existing question is taken: the new one gets a suffix
      String id = ids.contains(q.id()) ? Slugs.unique(q.id(), ids) : q.id();
      ids.add(id);
      merged.add(id.equals(q.id()) ? q : new Question(id, q.question(), q.answer(), q.tags(), q.difficulty(), q.refs(), q.position(),
          q.keywords()));
    }
    List<String> gone = new ArrayList<>();
    for (int i = 0; i < existing.size(); i++) if (!matched[i]) gone.add(existing.get(i).id());
    return new Result(merged, kept, updated, fresh.size(), gone);
  }

  private static Integer first(Deque<Integer> candidates, boolean[] matched) {
    if (candidates == null) return null;
    while (!candidates.isEmpty() && matched[candidates.peek()]) candidates.poll();
    return candidates.poll();
  }

  /** Same as the bank file would hold them: trailing spaces, tabs and line ends are no update. */
  private static boolean same(Question a, Question b) {
    return BankWriter.clean(a.question().strip()).equals(BankWriter.clean(b.question().strip()))
        && BankWriter.clean(a.answer()).equals(BankWriter.clean(b.answer())) && a.tags().equals(b.tags())
        && Objects.equals(a.difficulty(), b.difficulty()) && a.refs().equals(b.refs()); // keywords alone are no update
  }
}
