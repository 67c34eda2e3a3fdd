package idrill.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MermaidTest {

  /** Chain with its no-break label spaces shown as plain spaces. */
  private static String chain(String src) {
    String s = Mermaid.chain(src);
    return s == null ? null : s.replace(Mermaid.GLUE, ' ');
  }

  @Test
  void labelSpacesDoNotBreak() {
    assertEquals("Soft\u00a0Targets ──▶ B", Mermaid.chain("graph LR\nA[Soft Targets] --> B"));
  }

  @Test
  void labelledChainIsOneLine() {
    String src = """
        graph LR
            A[Logits] -- normalization --> B[Soft Targets]
            B -- encoding --> C[Hard Targets]
        """;
    assertEquals("Logits ──normalization──▶ Soft Targets ──encoding──▶ Hard Targets", chain(src));
  }

  @Test
  void arrowFormsAndShapes() {
    assertEquals("A ──▶ B", chain("graph TD\nA --> B"));
    assertEquals("In ──x──▶ Mid ──▶ Out",
        chain("flowchart LR\n  a(In) -->|x| b{Mid};\n  b --> c((Out))\n"));
    assertEquals("one ──▶ two ──▶ three", chain("graph LR\none --> two --> three"));
    assertEquals("A ──▶ B ──y──▶ C", chain("graph LR\nA ==> B\nB == y ==> C"));
    assertEquals("Quoted label ──▶ B", chain("graph LR\nA[\"Quoted label\"] --> B"));
  }

  @Test
  void edgesMayComeInAnyOrderAndLabelsAnywhere() {
    assertEquals("Start ──▶ Middle ──▶ End",
        chain("graph LR\n%% comment\nB[Middle] --> C[End]\nA[Start] --> B\n"));
  }

  @Test
  void anythingElseIsNotAChain() {
    assertNull(chain("graph TD\nA --> B\nA --> C"), "branch");
    assertNull(chain("graph TD\nA --> C\nB --> C"), "merge");
    assertNull(chain("graph LR\nA --> B\nB --> A"), "cycle");
    assertNull(chain("graph LR\nA --> B\nC --> D"), "two pieces");
    assertNull(chain("sequenceDiagram\nAlice->>Bob: Hi"), "other diagram type");
    assertNull(chain("graph LR\nA --- B"), "no arrow");
    assertNull(chain("graph LR\nsubgraph one\nA --> B\nend"), "subgraph");
    assertNull(chain("graph LR\n"), "no edges");
    assertNull(chain("graph LR\nA[unclosed --> B"), "broken shape");
  }
}
