package idrill.interop;

import static idrill.interop.Fixtures.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;

import idrill.bank.Difficulty;
import idrill.bank.Question;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnkiImportTest {

  @Test
  void tabExportWithHtmlBecomesMarkdownWithTagsFromTheTagsColumn() {
    ImportResult r = Fixtures.read("anki-tab.txt");
    ImportReport rep = r.reports().get(0);
    assertEquals("anki", rep.layout());
    assertEquals(3, rep.found());
    assertEquals(List.of("anki-tab.txt:8: no answer: What does <br> mean in HTML?"), rep.skipped());

    Question tcp = byId(r, "what-is-tcp");
    assertEquals("What is **TCP**?", tcp.question());
    // "::" is Anki's tag hierarchy
    assertEquals(List.of("networking-transport", "tcp"), tcp.tags());
    assertEquals("A *connection-oriented* transport protocol.\\\nIt delivers bytes in order.\n\n"
        + "See [RFC 793](https://www.rfc-editor.org/rfc/rfc793) \\& friends.", tcp.answer());
    assertEquals(4, tcp.position().line());
  }

  @Test
  void listsCodeBlocksAndEntitiesConvert() {
    ImportResult r = Fixtures.read("anki-tab.txt");
    Question ports = byId(r, "how-do-you-list-open-ports");
    assertEquals(List.of("networking", "linux"), ports.tags());
    assertEquals("Use one of:\n\n- `ss -tlnp`\n- `netstat -tlnp`\n\n```bash\nss -tlnp | grep :80\nss -ulnp\n```", ports.answer());

    Question prec = byId(r, "what-is-2-3-7-about");
    // the record after a quoted multi-line field starts on the right line
    assertEquals(9, prec.position().line());
    assertEquals("What is 2 \\* 3 \\< 7 about?", prec.question());
    // TeX passes untouched: no escape inside \( \)
    assertEquals("Operator precedence: **\\*** binds tighter than \\<, and \\(2 \\cdot 3 = 6\\).", prec.answer());
  }

  @Test
  void commaExportWithQuotedFieldsKeepsCommasQuotesAndLines() {
    ImportResult r = Fixtures.read("anki-comma.txt");
    assertEquals(3, r.reports().get(0).found());
    assertEquals(List.of(), r.reports().get(0).skipped());

    Question closure = byId(r, "what-is-a-closure-in-javascript");
    assertEquals("What is a closure, in JavaScript?", closure.question());
    assertEquals(List.of("javascript-functions"), closure.tags());
    // #html:false: a line break stays a line break, a blank line a paragraph
    assertEquals("A function together with the variables it captured,\\\n"
        + "even after the outer function returned.\n\nEvery function in JavaScript is one.", closure.answer());

    Question hello = byId(r, "who-said-hello");
    assertEquals("Who said \"hello\"?", hello.question());
    assertEquals("He said \"hello, world\", then left.", hello.answer());
    assertEquals(8, hello.position().line());

    // plain text is escaped, so *args does not turn into emphasis
    assertEquals("What is \\*args?", byId(r, "what-is-args").question());
  }

  @Test
  void specialColumnsAreNotFieldsAndTheDeckIsTheSection() {
    String text = "#separator:semicolon\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\n"
        + "#tags:imported\n"
        + "abc123;Basic;Programming::Go;What is a goroutine? 👶;A lightweight thread managed by the Go runtime.;go concurrency\n"
        + "def456;Basic;Programming::Go;What is a channel?;A typed pipe between goroutines.;go\n";
    ImportResult r = Fixtures.readText("deck.txt", text);
    assertEquals(java.util.Map.of("Programming::Go", 2), r.reports().get(0).perSection());
    Question g = r.questions().get(0);
    // a guid that is a valid id is kept: it is how idrill's own export carries ids through Anki
    assertEquals("abc123", g.id());
    assertEquals("What is a goroutine?", g.question());
    assertEquals(Difficulty.EASY, g.difficulty());
    assertEquals("A lightweight thread managed by the Go runtime.", g.answer());
    assertEquals(List.of("imported", "go", "concurrency"), g.tags());
  }

  @Test
  void withoutHeadersTabsMeanAnkiAndMarkupIsGuessed() {
    ImportResult r = Fixtures.readText("cards.txt", "What is <i>idempotent</i>?\tSame result however often it runs.\n\nUnanswered?\t\n");
    assertEquals("anki", r.reports().get(0).layout());
    assertEquals("What is *idempotent*?", r.questions().get(0).question());
    assertEquals(List.of("cards"), r.questions().get(0).tags());
    assertEquals(List.of("cards.txt:3: no answer: Unanswered?"), r.reports().get(0).skipped());
  }

  @Test
  void formatAnkiOverridesTheFileName() {
    ImportResult r = Fixtures.read(SourceFormat.ANKI, List.of(), "anki-comma.txt");
    assertEquals("anki", r.reports().get(0).layout());
    ImportResult md = new Importer().read(List.of(new Importer.Source("x.txt", Fixtures.text("bold.md"))), SourceFormat.MARKDOWN, List.of());
    assertEquals("bold", md.reports().get(0).layout());
  }
}
