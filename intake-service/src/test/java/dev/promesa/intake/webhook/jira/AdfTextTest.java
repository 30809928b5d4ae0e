package dev.promesa.intake.webhook.jira;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class AdfTextTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String text(String adf) throws Exception {
        JsonNode document = JSON.readTree(adf);
        assertThat(AdfText.isDocument(document)).isTrue();
        return AdfText.toText(document);
    }

    @Test
    void paragraphsHardBreaksAndMentions() throws Exception {
        assertThat(text("""
                {"type":"doc","version":1,"content":[
                  {"type":"paragraph","content":[{"type":"text","text":"Hi "},
                    {"type":"mention","attrs":{"id":"abc","text":"@Ana"}},{"type":"text","text":","}]},
                  {"type":"paragraph","content":[{"type":"text","text":"line one"},{"type":"hardBreak"},
                    {"type":"text","text":"line two","marks":[{"type":"em"}]}]},
                  {"type":"paragraph","content":[{"type":"mention","attrs":{"id":"557058:x"}},
                    {"type":"emoji","attrs":{"shortName":":smile:","text":"😄"}}]}
                ]}""")).isEqualTo("Hi @Ana,\n\nline one\nline two\n\n@557058:x😄");
    }

    @Test
    void blockquotesAreQuotedHistoryAtEveryLevel() throws Exception {
        assertThat(text("""
                {"type":"doc","version":1,"content":[
                  {"type":"paragraph","content":[{"type":"text","text":"I'll call you at 3."}]},
                  {"type":"blockquote","content":[
                    {"type":"paragraph","content":[{"type":"text","text":"On Monday you wrote:"}]},
                    {"type":"blockquote","content":[{"type":"paragraph","content":[
                      {"type":"text","text":"I will send it tomorrow."}]}]}
                  ]}
                ]}""")).isEqualTo("I'll call you at 3.\n\n> On Monday you wrote:\n>\n> > I will send it tomorrow.");
    }

    @Test
    void listsCodeTablesAndNodesWithoutText() throws Exception {
        assertThat(
                text("""
                        {"type":"doc","version":1,"content":[
                          {"type":"orderedList","attrs":{"order":3},"content":[
                            {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"three"}]}]},
                            {"type":"listItem","content":[{"type":"paragraph","content":[{"type":"text","text":"four"}]},
                              {"type":"bulletList","content":[{"type":"listItem","content":[
                                {"type":"paragraph","content":[{"type":"text","text":"nested"}]}]}]}]}]},
                          {"type":"codeBlock","content":[{"type":"text","text":"a\\n  b"}]},
                          {"type":"rule"},
                          {"type":"mediaSingle","content":[{"type":"media","attrs":{"id":"x","type":"file"}}]},
                          {"type":"table","content":[
                            {"type":"tableRow","content":[
                              {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"Host"}]}]},
                              {"type":"tableHeader","content":[{"type":"paragraph","content":[{"type":"text","text":"State"}]}]}]},
                            {"type":"tableRow","content":[
                              {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"vpn1"}]}]},
                              {"type":"tableCell","content":[{"type":"paragraph","content":[{"type":"text","text":"down"}]}]}]}]},
                          {"type":"panel","content":[{"type":"paragraph","content":[
                            {"type":"text","text":"See "},{"type":"inlineCard","attrs":{"url":"https://status.example"}}]}]},
                          {"type":"someFutureNode","content":[{"type":"paragraph","content":[{"type":"text","text":"kept"}]}]}
                        ]}"""))
                .isEqualTo("""
                        3. three
                        4. four
                           - nested

                        a
                          b

                        Host | State
                        vpn1 | down

                        See https://status.example

                        kept""");
    }

    @Test
    void anEmptyDocumentIsNoText() throws Exception {
        assertThat(text("{\"type\":\"doc\",\"version\":1,\"content\":[]}")).isEmpty();
        assertThat(AdfText.isDocument(JSON.readTree("\"plain wiki text\""))).isFalse();
    }
}
