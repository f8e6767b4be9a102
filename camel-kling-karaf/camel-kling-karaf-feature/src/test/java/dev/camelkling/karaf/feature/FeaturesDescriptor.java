package dev.camelkling.karaf.feature;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The parts of a Karaf features.xml these checks read: each feature's feature dependencies and bundles. */
record FeaturesDescriptor(String namespace, List<Feature> features) {

    record Dependency(String name, String version) {
    }

    record Bundle(String location, boolean dependency) {
    }

    record Feature(String name, String version, List<Dependency> dependencies, List<Bundle> bundles) {
    }

    static FeaturesDescriptor read(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(file.toFile());
        Element root = document.getDocumentElement();
        List<Feature> features = new ArrayList<>();
        for (Element feature : children(root, "feature")) {
            List<Dependency> dependencies = children(feature, "feature").stream()
                    .map(d -> new Dependency(d.getTextContent().trim(), d.getAttribute("version")))
                    .toList();
            List<Bundle> bundles = children(feature, "bundle").stream()
                    .map(b -> new Bundle(b.getTextContent().trim(), Boolean.parseBoolean(b.getAttribute("dependency"))))
                    .toList();
            features.add(new Feature(feature.getAttribute("name"), feature.getAttribute("version"), dependencies, bundles));
        }
        return new FeaturesDescriptor(root.getNamespaceURI(), features);
    }

    Feature feature(String name) {
        return features.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no feature " + name));
    }

    private static List<Element> children(Element parent, String localName) {
        List<Element> children = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && localName.equals(e.getLocalName())) {
                children.add(e);
            }
        }
        return children;
    }
}
