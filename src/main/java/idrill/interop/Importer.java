package idrill.interop;

import idrill.bank.Difficulty;
import idrill.bank.Position;
import idrill.bank.Question;
import idrill.render.KeyTerms;
import idrill.bank.YamlTree;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads Markdown and Anki sources into bank questions. Ids come from the question text, so importing the
 * same source again gives the same ids; sections (headings, Anki tags) become tags, plus the extra tags.
 */
public final class Importer {
  /** Bold terms taken as keywords: a few, short, as a person would write them. */
  private static final int MAX_KEYWORDS = 8, MAX_KEYWORD = 60;
  private static final int SNIPPET = 60;

  /**
   * One source: a name for reports and positions (a path, or "-" for stdin), its text, and what its relative
   * links resolve against (a URL or a directory; null leaves them as written).
   */
  public record Source(String name, String text, String base) {
    public Source(String name, String text) {
      this(name, text, null);
    }
  }

  public Importer() {}

  public ImportResult read(List<Source> sources, SourceFormat format, List<String> extraTags) {
    List<String> extra = new ArrayList<>();
    for (String t : extraTags) {
      String tag = Slugs.tag(t);
      if (tag != null && !extra.contains(tag)) extra.add(tag);
    }
    Set<String> ids = new HashSet<>();
    Map<String, String> seen = new HashMap<>(); // question key → where it was first imported
    List<Question> questions = new ArrayList<>();
    List<ImportReport> reports = new ArrayList<>();
    for (Source s : sources) {
      Extract x = extract(s, format);
      List<Extract.Skip> skips = new ArrayList<>(x.skipped());
      Map<String, Integer> perSection = new LinkedHashMap<>();
      int found = 0;
      for (Extract.Found f : x.found()) {
        String where = s.name() + ":" + f.line();
        int line = f.line();
        Texts.Marked marked = Texts.markers(f.question());
        String question = Links.resolve(Texts.inlineMath(Texts.safe(marked.text().strip())), s.base());
        String answer = Links.resolve(Texts.inlineMath(Texts.safe(Doc.block(f.answer()))), s.base());
        String plain = Texts.plain(question);
        if (plain.isEmpty()) {
          skips.add(new Extract.Skip(line, "empty question"));
          continue;
        }
        if (!Doc.hasContent(answer)) {
          skips.add(new Extract.Skip(line, "no answer: " + snippet(plain)));
          continue;
        }
        String tooLong = question.length() > YamlTree.MAX_TEXT ? "question" : answer.length() > YamlTree.MAX_TEXT ? "answer" : null;
        if (tooLong != null) {
          skips.add(new Extract.Skip(line, tooLong + " longer than " + YamlTree.MAX_TEXT + " characters, the most a bank holds: "
              + snippet(plain)));
          continue;
        }
        String key = Texts.identity(question);
        String first = seen.putIfAbsent(key, where);
        if (first != null) {
          skips.add(new Extract.Skip(line, "same question as " + first + ": " + snippet(plain)));
          continue;
        }
        Difficulty difficulty = f.difficulty() != null ? f.difficulty() : marked.difficulty();
        String given = f.id() != null && Slugs.isId(f.id()) && !ids.contains(f.id()) ? f.id() : null;
        String id = given != null ? given : Slugs.unique(Slugs.id(Texts.plain(firstBlock(question))), key, ids);
        ids.add(id);
        questions.add(new Question(id, question, answer, tags(f.tags(), extra, s.name()),
            difficulty, f.refs(), new Position(s.name(), f.line(), 1), keywords(f, answer)));
        perSection.merge(f.section(), 1, Integer::sum);
        found++;
      }
      skips.sort(Comparator.comparingInt(Extract.Skip::line));
      List<String> skipped = new ArrayList<>();
      for (Extract.Skip k : skips) skipped.add(s.name() + ":" + k.line() + ": " + k.reason());
      reports.add(new ImportReport(s.name(), x.layout(), perSection, found, skipped, x.reason()));
    }
    return new ImportResult(questions, reports);
  }

  /** The source's own keywords (idrill's formats), else the terms its answer sets in bold, for typed answers. */
  static List<String> keywords(Extract.Found f, String answer) {
    if (!f.keywords().isEmpty()) return f.keywords();
    List<String> out = new ArrayList<>();
    for (String t : KeyTerms.marked(answer, false)) {
      // '|' separates alternatives in a keyword; a term holding one would read as two
      if (t.indexOf('|') < 0 && t.length() <= MAX_KEYWORD && out.size() < MAX_KEYWORDS) out.add(t);
    }
    return out;
  }

  private static Extract extract(Source s, SourceFormat format) {
    if (format == SourceFormat.AUTO || format == SourceFormat.BANK) {
      Extract own = OwnFormats.read(s.name(), s.text(), format == SourceFormat.BANK);
      if (own != null) return own;
    }
    return anki(s, format) ? AnkiImport.read(s.text()) : MarkdownImport.read(s.text());
  }

  /** The question's first block (its heading line): what its id is made of, not the code below it. */
  private static String firstBlock(String question) {
    int blank = question.indexOf("\n\n");
    return blank < 0 ? question : question.substring(0, blank);
  }

  private static boolean anki(Source s, SourceFormat format) {
    if (format == SourceFormat.ANKI) return true;
    if (format == SourceFormat.MARKDOWN) return false;
    String name = s.name().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv") || name.endsWith(".tsv")) return true;
    if (name.endsWith(".md") || name.endsWith(".markdown") || name.endsWith(".mdown") || name.endsWith(".mkd")) return false;
    if (AnkiImport.hasHeader(s.text())) return true;
    // a .txt without headers: Anki's own export without headers is tab-separated
    String text = Doc.normalize(s.text()).stripLeading();
    int nl = text.indexOf('\n');
    return (nl < 0 ? text : text.substring(0, nl)).indexOf('\t') >= 0;
  }

  /** Section tags first, then the extra ones; a question with none is tagged after its file. */
  private static List<String> tags(List<String> raw, List<String> extra, String source) {
    List<String> out = new ArrayList<>();
    for (String r : raw) {
      String t = Slugs.tag(r);
      if (t != null && !out.contains(t)) out.add(t);
    }
    for (String t : extra) if (!out.contains(t)) out.add(t);
    if (out.isEmpty()) {
      String[] path = source.split("[/\\\\]");
      String base = path[path.length - 1].replaceAll("\\.[^.]*$", "");
      // README.md and index.md name nothing: their directory does
      if (path.length > 1 && base.toLowerCase(Locale.ROOT).matches("readme|index")) base = path[path.length - 2];
      String t = Slugs.tag(base);
      out.add(t == null ? "imported" : t);
    }
    return out;
  }

  private static String snippet(String plain) {
    return plain.length() <= SNIPPET ? plain : plain.substring(0, SNIPPET - 1) + "…";
  }
}
