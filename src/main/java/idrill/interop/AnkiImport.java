package idrill.interop;

import idrill.bank.Difficulty;
import idrill.bank.Ref;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Anki "Notes in Plain Text" exports: #key:value header lines, then one note per (CSV-quoted) record. */
final class AnkiImport {
  static final String LAYOUT = "anki";
  /** The tag idrill's Anki export gives a question's difficulty: difficulty::hard. */
  static final String DIFFICULTY_TAG = "difficulty::";
  /** The class of the list of refs idrill's Anki export puts under an answer. */
  static final String REFS_CLASS = "idrill-refs";
  private static final Pattern TAG_SPLIT = Pattern.compile("\\s+");
  private static final Pattern HTML_HINT = Pattern.compile("<[a-zA-Z/!]|&[a-zA-Z#][a-zA-Z0-9]*;");

  private AnkiImport() {}

  /** True when a file starts with the header lines Anki writes. */
  static boolean hasHeader(String text) {
    String s = Doc.normalize(text).stripLeading().toLowerCase(Locale.ROOT);
    return s.startsWith("#separator:") || s.startsWith("#html:") || s.startsWith("#tags column:")
        || s.startsWith("#columns:") || s.startsWith("#notetype") || s.startsWith("#deck") || s.startsWith("#guid column:");
  }

  static Extract read(String raw) {
    String text = Doc.normalize(raw);
    Map<String, String> header = new HashMap<>();
    int pos = 0;
    int line = 1;
    // Anki reads "#key:value" lines only at the top of the file
    while (pos < text.length() && text.charAt(pos) == '#') {
      int nl = text.indexOf('\n', pos);
      String h = text.substring(pos + 1, nl < 0 ? text.length() : nl);
      int colon = h.indexOf(':');
      if (colon > 0) header.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
      pos = nl < 0 ? text.length() : nl + 1;
      line++;
    }
    String body = text.substring(pos);
    char sep = separator(header.get("separator"), body);
    List<Delimited.Row> rows = Delimited.read(body, sep, line);

    int tagsCol = column(header.get("tags column"));
    Set<Integer> special = new HashSet<>();
    for (String key : List.of("tags column", "guid column", "notetype column", "deck column")) {
      int c = column(header.get(key));
      if (c >= 0) special.add(c);
    }
    int deckCol = column(header.get("deck column"));
    int guidCol = column(header.get("guid column"));
    String html = header.get("html");
    boolean isHtml = html != null ? html.equalsIgnoreCase("true") : HTML_HINT.matcher(body).find();
    List<String> allTags = words(header.getOrDefault("tags", ""));

    List<Extract.Found> found = new ArrayList<>();
    List<Extract.Skip> skipped = new ArrayList<>();
    for (Delimited.Row row : rows) {
      List<String> fields = new ArrayList<>();
      for (int c = 0; c < row.fields().size(); c++) if (!special.contains(c)) fields.add(row.fields().get(c));
      if (fields.isEmpty() || fields.get(0).isBlank()) {
        skipped.add(new Extract.Skip(row.line(), "note without a first field"));
        continue;
      }
      String question = markdown(fields.get(0), isHtml);
      List<Ref> refs = new ArrayList<>();
      String answer = fields.size() > 1 ? markdown(isHtml ? refs(fields.get(1), refs) : fields.get(1), isHtml) : "";
      List<String> given = new ArrayList<>(allTags);
      if (tagsCol >= 0 && tagsCol < row.fields().size()) given.addAll(List.of(TAG_SPLIT.split(row.fields().get(tagsCol).strip())));
      Difficulty difficulty = null;
      List<String> tags = new ArrayList<>();
      for (String t : given) {
        Difficulty d = t.startsWith(DIFFICULTY_TAG) ? difficulty(t.substring(DIFFICULTY_TAG.length())) : null;
        if (d != null) difficulty = d;
        else if (!t.isEmpty()) tags.add(t.replace("::", "-"));
      }
      String deck = deckCol >= 0 && deckCol < row.fields().size() ? row.fields().get(deckCol).strip() : "";
      String guid = guidCol >= 0 && guidCol < row.fields().size() ? row.fields().get(guidCol).strip() : null;
      found.add(new Extract.Found(row.line(), question, answer, deck, tags, guid, difficulty, refs));
    }
    return new Extract(LAYOUT, found, skipped, found.isEmpty() ? "no notes" : "");
  }

  private static String markdown(String field, boolean html) {
    return html ? HtmlToMarkdown.convert(SafeHtml.clean(field)) : HtmlToMarkdown.fromPlain(field);
  }

  private static Difficulty difficulty(String label) {
    for (Difficulty d : Difficulty.values()) if (d.label().equals(label)) return d;
    return null;
  }

  /** The answer without idrill's list of refs, whose links go into refs. */
  private static String refs(String html, List<Ref> refs) {
    if (!html.contains(REFS_CLASS)) return html;
    org.jsoup.nodes.Document d = org.jsoup.Jsoup.parseBodyFragment(html);
    for (org.jsoup.nodes.Element list : d.select("ul." + REFS_CLASS)) {
      for (org.jsoup.nodes.Element a : list.select("a[href]")) {
        String url = a.attr("href");
        refs.add(new Ref(a.text().equals(url) ? null : a.text(), url));
      }
      list.remove();
    }
    d.outputSettings().prettyPrint(false);
    return d.body().html();
  }

  /** Anki tags are space-separated; "a::b" is a hierarchy, written a-b as one slug later. */
  private static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    for (String w : TAG_SPLIT.split(s.strip())) if (!w.isEmpty()) out.add(w.replace("::", "-"));
    return out;
  }

  /** 1-based column number of a header → 0-based index; -1 when absent or not a number. */
  private static int column(String s) {
    if (s == null) return -1;
    try {
      return Integer.parseInt(s.strip()) - 1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static char separator(String name, String body) {
    if (name != null) {
      switch (name.toLowerCase(Locale.ROOT)) {
        case "tab": return '\t';
        case "comma": return ',';
        case "semicolon": return ';';
        case "pipe": return '|';
        case "space": return ' ';
        case "colon": return ':';
        default: if (name.length() == 1) return name.charAt(0);
      }
    }
    // no header: the first of these the first line uses, as Anki guesses
    int nl = body.indexOf('\n');
    String first = nl < 0 ? body : body.substring(0, nl);
    for (char c : new char[] {'\t', '|', ';', ','}) if (first.indexOf(c) >= 0) return c;
    return '\t';
  }
}
