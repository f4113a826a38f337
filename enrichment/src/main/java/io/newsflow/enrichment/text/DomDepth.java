package io.newsflow.enrichment.text;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Caps how deep a parsed page nests, as browsers do (Chromium's HTML parser stops nesting at 512 elements and
 * puts deeper ones beside the last). Readability-style scoring looks at ancestors and subtrees, so a hostile page
 * nested 100,000 elements deep would cost time in proportion to depth times size; below the cap the content of
 * the deepest allowed element is flattened into plain paragraphs, its text kept in document order. Real pages
 * nest a few dozen levels: they are never changed.
 */
final class DomDepth {

    /** Elements nested deeper than this (counted from the document) are flattened. */
    static final int MAX_DEPTH = 512;

    private DomDepth() {
    }

    /** Flattens, in place, the content of every element at {@code maxDepth} below {@code root} that has children. */
    static void cap(Node root, int maxDepth) {
        List<Element> deepest = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (depth < maxDepth) {
                    return FilterResult.CONTINUE;
                }
                if (node instanceof Element e && e.childNodeSize() > 0) {
                    deepest.add(e);
                }
                return FilterResult.SKIP_CHILDREN;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, root);
        for (Element e : deepest) {
            flatten(e);
        }
    }

    /**
     * Replaces the element's content by paragraphs holding the text of its subtree, split where block elements
     * start and end ({@code <br>} kept; scripts and styles hold no text nodes, so they go).
     */
    private static void flatten(Element element) {
        List<Element> paragraphs = new ArrayList<>();
        Element[] current = {null};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t && !t.isBlank()) {
                    if (current[0] == null) {
                        current[0] = new Element("p");
                        paragraphs.add(current[0]);
                    }
                    current[0].appendChild(new TextNode(t.getWholeText()));
                } else if (node instanceof Element e && node != element) {
                    if (e.normalName().equals("br") && current[0] != null) {
                        current[0].appendChild(new Element("br"));
                    } else if (MainBlock.BLOCK_TAGS.contains(e.normalName())) {
                        current[0] = null;
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e && MainBlock.BLOCK_TAGS.contains(e.normalName())) {
                    current[0] = null;
                }
            }
        }, element);
        element.empty();
        for (Element p : paragraphs) {
            element.appendChild(p);
        }
    }
}
