package dev.camelkling.karaf.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The features.xml users add with {@code feature:repo-add}: valid against Karaf's own schema, every bundle an
 * artifact this build resolved, and consistent with camel-kling's manifest, so that the feature provides every
 * package the bundle imports, in a version its ranges accept. (karaf-maven-plugin's verify goal would need
 * camel-karaf's bundles, which are not served on this build's machines.)
 */
class FeaturesXmlTest {

    /** Features of camel-karaf's repository this feature builds on, and the packages they bring. */
    private static final Map<String, String> CAMEL_KARAF_FEATURES = Map.of(
            "camel-core", "org.apache.camel",
            "jackson", "com.fasterxml.jackson");
    /** Packages Karaf's own bundles export besides the JDK's: logging (pax-logging). */
    private static final List<String> KARAF_PLATFORM = List.of("org.slf4j");

    private static Path featuresXml;
    private static FeaturesDescriptor descriptor;
    private static ResolvedArtifacts resolved;
    private static BundleContent camelKling;

    @BeforeAll
    static void load() throws Exception {
        featuresXml = Path.of(System.getProperty("features.xml", "target/classes/features.xml"));
        descriptor = FeaturesDescriptor.read(featuresXml);
        resolved = ResolvedArtifacts.fromSystemProperty();
        camelKling = CamelKlingBundle.load(resolved);
    }

    @Test
    void isValidAgainstTheKarafFeaturesSchemaOfItsNamespace() throws Exception {
        assertThat(descriptor.namespace()).startsWith("http://karaf.apache.org/xmlns/features/v");
        String version = descriptor.namespace().substring(descriptor.namespace().lastIndexOf("/v") + 2);
        URL xsd = getClass().getClassLoader().getResource("org/apache/karaf/features/karaf-features-" + version + ".xsd");
        assertThat(xsd).as("org.apache.karaf.features.core has a schema for features %s", version).isNotNull();

        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd).newValidator()
                .validate(new StreamSource(featuresXml.toFile()));
    }

    @Test
    void hasNoUnfilteredPlaceholders() throws IOException {
        assertThat(Files.readString(featuresXml)).doesNotContain("${");
    }

    @Test
    void everyBundleIsAnArtifactThisBuildResolved() {
        for (FeaturesDescriptor.Feature feature : descriptor.features()) {
            assertThat(feature.bundles()).isNotEmpty();
            for (FeaturesDescriptor.Bundle bundle : feature.bundles()) {
                MavenCoordinates coordinates = MavenCoordinates.parse(bundle.location());
                assertThat(resolved.find(coordinates))
                        .as("%s (feature %s) must be a module of this build or one of its dependencies", coordinates,
                                feature.name())
                        .hasValueSatisfying(a -> assertThat(a.file()).exists());
            }
        }
    }

    @Test
    void wrapsExactlyTheBundlesThatLackOsgiHeaders() throws IOException {
        for (FeaturesDescriptor.Bundle bundle : descriptor.feature("camel-kling").bundles()) {
            MavenCoordinates coordinates = MavenCoordinates.parse(bundle.location());
            Path file = resolved.find(coordinates).orElseThrow().file();
            String symbolicName = BundleContent.of(file).header("Bundle-SymbolicName");
            if (coordinates.wrapped()) {
                assertThat(symbolicName).as("%s has OSGi headers: install it without wrap:", coordinates).isNull();
                assertThat(coordinates.wrapInstructions())
                        .containsKeys("Bundle-SymbolicName", "Bundle-Version", "Export-Package");
                assertThat(coordinates.wrapInstructions().get("Bundle-Version")).isEqualTo(coordinates.version());
            } else {
                assertThat(symbolicName).as("%s is not a bundle: it needs wrap:", coordinates).isNotNull();
            }
        }
    }

    @Test
    void wrappedExportsSatisfyCamelKlingsImportRanges() {
        List<OsgiHeader.Clause> imports = camelKling.clauses("Import-Package");
        for (FeaturesDescriptor.Bundle bundle : descriptor.feature("camel-kling").bundles()) {
            MavenCoordinates coordinates = MavenCoordinates.parse(bundle.location());
            if (!coordinates.wrapped()) {
                continue;
            }
            List<OsgiHeader.Clause> exports = OsgiHeader.parse(coordinates.wrapInstructions().get("Export-Package"));
            for (OsgiHeader.Clause export : exports) {
                assertThat(export.parameter("version")).as("%s exports %s without a version (0.0.0)", coordinates,
                        export.name()).isNotBlank();
                imports.stream().filter(i -> CamelKlingBundle.covers(export.name(), i.name())).forEach(i ->
                        assertThat(VersionRange.parse(i.parameter("version")).includes(export.parameter("version")))
                                .as("camel-kling imports %s %s; %s exports %s", i.name(), i.parameter("version"),
                                        coordinates, export.parameter("version"))
                                .isTrue());
            }
        }
    }

    @Test
    void dependsOnCamelKarafFeaturesWithCamelKlingsImportRanges() {
        FeaturesDescriptor.Feature feature = descriptor.feature("camel-kling");
        assertThat(feature.dependencies()).extracting(FeaturesDescriptor.Dependency::name)
                .containsExactlyInAnyOrderElementsOf(CAMEL_KARAF_FEATURES.keySet());
        for (FeaturesDescriptor.Dependency dependency : feature.dependencies()) {
            String packagePrefix = CAMEL_KARAF_FEATURES.get(dependency.name());
            Set<String> importRanges = camelKling.clauses("Import-Package").stream()
                    .filter(i -> i.name().equals(packagePrefix) || i.name().startsWith(packagePrefix + "."))
                    .map(i -> i.parameter("version"))
                    .collect(Collectors.toSet());
            assertThat(importRanges).as("camel-kling's import ranges for %s.*", packagePrefix)
                    .containsExactly(dependency.version());
        }
    }

    @Test
    void providesEveryPackageCamelKlingImports() throws IOException {
        FeaturesDescriptor.Feature feature = descriptor.feature("camel-kling");
        List<String> providedPrefixes = feature.dependencies().stream()
                .map(d -> CAMEL_KARAF_FEATURES.get(d.name()))
                .collect(Collectors.toList());
        providedPrefixes.addAll(KARAF_PLATFORM);
        List<OsgiHeader.Clause> bundleExports = feature.bundles().stream()
                .flatMap(b -> exportsOf(MavenCoordinates.parse(b.location())).stream())
                .toList();

        Set<String> jdkPackages = ModuleLayer.boot().modules().stream()
                .flatMap(m -> m.getPackages().stream())
                .collect(Collectors.toSet());

        assertThat(camelKling.clauses("Import-Package")).allSatisfy(i -> assertThat(
                jdkPackages.contains(i.name())
                        || providedPrefixes.stream().anyMatch(p -> i.name().equals(p) || i.name().startsWith(p + "."))
                        || bundleExports.stream().anyMatch(e -> CamelKlingBundle.covers(e.name(), i.name())))
                .as("nothing in the feature or in Karaf provides %s", i.name())
                .isTrue());
    }

    private static List<OsgiHeader.Clause> exportsOf(MavenCoordinates coordinates) {
        if (coordinates.wrapped()) {
            return OsgiHeader.parse(coordinates.wrapInstructions().get("Export-Package"));
        }
        try {
            return BundleContent.of(resolved.find(coordinates).orElseThrow().file()).clauses("Export-Package");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
