package idrill.interop;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import idrill.bank.BankLoader;
import idrill.bank.BankProblem;
import idrill.bank.Difficulty;
import idrill.bank.LoadResult;
import idrill.bank.Question;
import idrill.bank.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * idrill's own exports read back: a YAML bank (`export --format yaml`) and the JSON array of
 * `export --format json` / `list --format json`. Ids, tags, difficulty and refs come through as they are.
 */
final class OwnFormats {
  static final String YAML = "bank";
  static final String JSON = "json";

  private OwnFormats() {}

  /** The questions of an own-format source, or null when the source is not one (and not forced). */
  static Extract read(String name, String text, boolean forced) {
    String lower = name.toLowerCase(Locale.ROOT);
    String start = Doc.normalize(text).stripLeading();
    if (lower.endsWith(".json") || start.startsWith("[")) {
      Extract json = json(text);
      if (json != null || lower.endsWith(".json")) return json != null ? json : failed(JSON, "not a JSON array of questions");
    }
    if (lower.endsWith(".yaml") || lower.endsWith(".yml") || start.startsWith("questions:") || forced) return yaml(name, text);
    return null;
  }

  private static Extract failed(String layout, String reason) {
    return new Extract(layout, List.of(), List.of(), reason);
  }

  private static Extract yaml(String name, String text) {
    LoadResult r = new BankLoader().loadText(name, text);
    List<Extract.Skip> skipped = new ArrayList<>();
    for (BankProblem p : r.errors()) skipped.add(new Extract.Skip(p.position().line(), p.message()));
    List<Extract.Found> found = new ArrayList<>();
    if (!r.hasErrors()) {
      for (Question q : r.bank().questions()) {
        found.add(new Extract.Found(q.position().line(), q.question(), q.answer(), "", q.tags(), q.id(), q.difficulty(), q.refs(),
            q.keywords()));
      }
    }
    return new Extract(YAML, found, skipped, found.isEmpty() ? "the bank holds no question it can load" : "");
  }

  private static Extract json(String text) {
    JsonArray array;
    try {
      JsonElement e = JsonParser.parseString(text);
      if (!e.isJsonArray()) return null;
      array = e.getAsJsonArray();
    } catch (JsonParseException | IllegalStateException e) {
      return null;
    }
    List<Extract.Found> found = new ArrayList<>();
    List<Extract.Skip> skipped = new ArrayList<>();
    int n = 0;
    for (JsonElement e : array) {
      n++;
      // JSON has no line numbers worth giving: the entry's number stands in for one
      if (!e.isJsonObject()) {
        skipped.add(new Extract.Skip(n, "entry " + n + " is not an object"));
        continue;
      }
      JsonObject o = e.getAsJsonObject();
      String question = string(o, "question");
      String answer = string(o, "answer");
      if (question == null || answer == null) {
        skipped.add(new Extract.Skip(n, "entry " + n + " lacks a question or an answer"));
        continue;
      }
      found.add(found(o, n, question, answer));
    }
    return new Extract(JSON, found, skipped, found.isEmpty() ? "no questions in the JSON array" : "");
  }

  private static final String COMMENT = "<!-- idrill ";

  /** An HTML comment carrying what Markdown has no place for: id, difficulty, refs (JSON, no "-->" inside). */
  static String comment(Question q) {
    JsonObject o = new JsonObject();
    o.addProperty("id", q.id());
    if (q.difficulty() != null) o.addProperty("difficulty", q.difficulty().label());
    if (!q.refs().isEmpty()) {
      JsonArray refs = new JsonArray();
      for (Ref r : q.refs()) {
        if (r.title() == null) {
          refs.add(r.url());
        } else {
          JsonObject ro = new JsonObject();
          ro.addProperty("title", r.title());
          ro.addProperty("url", r.url());
          refs.add(ro);
        }
      }
      o.add("refs", refs);
    }
    // Gson escapes < and > in strings, so the comment cannot close early
    return COMMENT + new com.google.gson.Gson().toJson(o) + " -->";
  }

  /** An answer's trailing idrill comment read and removed; the answer unchanged when it has none. */
  record Annotated(String answer, String id, Difficulty difficulty, List<Ref> refs) {}

  static Annotated annotations(String answer) {
    String a = answer.stripTrailing();
    int at = a.lastIndexOf(COMMENT);
    if (at < 0 || !a.endsWith("-->") || (at > 0 && a.charAt(at - 1) != '\n')) return new Annotated(answer, null, null, List.of());
    JsonObject o;
    try {
      JsonElement e = JsonParser.parseString(a.substring(at + COMMENT.length(), a.length() - 3));
      if (!e.isJsonObject()) return new Annotated(answer, null, null, List.of());
      o = e.getAsJsonObject();
    } catch (JsonParseException | IllegalStateException e) {
      return new Annotated(answer, null, null, List.of());
    }
    Extract.Found f = found(o, 0, "", "");
    return new Annotated(a.substring(0, at).stripTrailing(), f.id(), f.difficulty(), f.refs());
  }

  private static Extract.Found found(JsonObject o, int line, String question, String answer) {
    List<String> tags = new ArrayList<>();
    if (o.get("tags") instanceof JsonArray ts) for (JsonElement t : ts) if (t.isJsonPrimitive()) tags.add(t.getAsString());
    Difficulty d = null;
    String ds = string(o, "difficulty");
    if (ds != null) for (Difficulty x : Difficulty.values()) if (x.label().equals(ds)) d = x;
    List<Ref> refs = new ArrayList<>();
    if (o.get("refs") instanceof JsonArray rs) {
      for (JsonElement r : rs) {
        if (r.isJsonPrimitive()) refs.add(new Ref(null, r.getAsString()));
        else if (r instanceof JsonObject ro && string(ro, "url") != null) refs.add(new Ref(string(ro, "title"), string(ro, "url")));
      }
    }
    List<String> keywords = new ArrayList<>();
    if (o.get("keywords") instanceof JsonArray ks) {
      for (JsonElement k : ks) if (k.isJsonPrimitive() && !k.getAsString().isBlank()) keywords.add(k.getAsString());
    }
    return new Extract.Found(line, question, answer, "", tags, string(o, "id"), d, refs, keywords);
  }

  private static String string(JsonObject o, String key) {
    JsonElement e = o.get(key);
    return e != null && e.isJsonPrimitive() ? e.getAsString() : null;
  }
}
