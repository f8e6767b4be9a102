package dev.camelkling.karaf.feature;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * camel-kling's OSGi manifest, as built by the bnd instructions in camel-kling-component/pom.xml: a bundle of its own
 * (nothing embedded), exporting only its own public packages, importing Camel, Jackson and java-jwt with bounded
 * ranges that include the versions this build compiled and tested against, and carrying Camel's generated
 * META-INF/services files, which Camel (or camel-karaf's activator) reads from the bundle.
 */
class BundleManifestTest {

    private static final String CAMEL_SERVICES = "META-INF/services/org/apache/camel/";

    private static ResolvedArtifacts resolved;
    private static BundleContent bundle;

    @BeforeAll
    static void load() throws IOException {
        resolved = ResolvedArtifacts.fromSystemProperty();
        bundle = CamelKlingBundle.load(resolved);
    }

    @Test
    void isAnOsgiBundle() {
        assertThat(bundle.header("Bundle-ManifestVersion")).as("Bundle-ManifestVersion of %s", bundle.location())
                .isEqualTo("2");
        assertThat(bundle.header("Bundle-SymbolicName")).isEqualTo("dev.camelkling.camel-kling");
        assertThat(bundle.header("Bundle-Version")).startsWith("0.1.0");
        assertThat(bundle.header("DynamicImport-Package")).as("no dynamic imports hiding missing ones").isNull();
    }

    @Test
    void embedsNothingButItsOwnClasses() {
        assertThat(bundle.classPackages()).isNotEmpty()
                .allSatisfy(p -> assertThat(p).startsWith("dev.camelkling."));
        assertThat(bundle.header("Bundle-ClassPath")).as("no embedded jars").isIn(null, ".");
        assertThat(bundle.entries()).noneMatch(e -> e.endsWith(".jar"));
    }

    @Test
    void exportsOnlyItsOwnPublicPackagesWithAVersion() {
        List<OsgiHeader.Clause> exports = bundle.clauses("Export-Package");
        Set<String> exported = exports.stream().map(OsgiHeader.Clause::name).collect(Collectors.toSet());

        assertThat(exported).as("exported packages must exist in the bundle")
                .isSubsetOf(bundle.classPackages());
        assertThat(exported).as("internal packages are not API")
                .noneMatch(p -> p.matches(".*\\.(internal|impl)(\\..*)?"));
        assertThat(exports).allSatisfy(e -> assertThat(e.parameter("version")).as("version of %s", e.name())
                .isNotBlank());
        // the Camel entry points (component, configurers) must be loadable by name from other bundles
        assertThat(exported).containsAll(packagesOfServiceClasses());
        assertThat(exported).contains("dev.camelkling.client");
    }

    @Test
    void importsCamelJacksonAndJavaJwtWithBoundedRangesThatIncludeTheBuiltVersions() throws IOException {
        Map<String, ResolvedArtifacts.Artifact> owners = packageOwners();
        List<OsgiHeader.Clause> imports = bundle.clauses("Import-Package");
        assertThat(imports).extracting(OsgiHeader.Clause::name)
                .contains("org.apache.camel", "org.apache.camel.spi", "org.apache.camel.support",
                        "com.fasterxml.jackson.databind", "com.auth0.jwt");

        List<OsgiHeader.Clause> thirdParty = imports.stream()
                .filter(i -> !i.name().startsWith("javax.") && !i.name().startsWith("java."))
                .toList();
        assertThat(thirdParty).allSatisfy(i -> {
            String version = i.parameter("version");
            assertThat(version).as("version range of %s", i.name()).isNotBlank();
            VersionRange range = VersionRange.parse(version);
            assertThat(range.hasCeiling()).as("%s %s must have an upper bound", i.name(), version).isTrue();
            ResolvedArtifacts.Artifact owner = owners.get(i.name());
            assertThat(owner).as("artifact this build resolved for package %s", i.name()).isNotNull();
            assertThat(range.includes(owner.version()))
                    .as("%s %s must include %s, which the build compiled against", i.name(), version, owner)
                    .isTrue();
            assertThat(i.parameter("resolution")).as("%s is required, not optional", i.name()).isNull();
        });
    }

    @Test
    void carriesCamelsGeneratedServiceFilesForEveryComponentScheme() {
        Set<String> schemes = bundle.entries().stream()
                .filter(e -> e.startsWith(CAMEL_SERVICES + "component/"))
                .map(e -> e.substring((CAMEL_SERVICES + "component/").length()))
                .collect(Collectors.toSet());
        assertThat(schemes).contains("kling");
        for (String scheme : schemes) {
            assertThat(bundle.entries()).contains(
                    CAMEL_SERVICES + "configurer/" + scheme + "-component",
                    CAMEL_SERVICES + "configurer/" + scheme + "-endpoint",
                    CAMEL_SERVICES + "urifactory/" + scheme + "-endpoint");
            String componentClass = serviceClass(CAMEL_SERVICES + "component/" + scheme);
            String componentJson = "META-INF/" + packageOf(componentClass).replace('.', '/') + "/" + scheme + ".json";
            assertThat(bundle.entries()).as("component metadata").contains(componentJson);
        }
        assertThat(serviceFiles()).allSatisfy(file -> assertThat(bundle.entries())
                .as("class named by %s", file)
                .contains(serviceClass(file).replace('.', '/') + ".class"));
    }

    private Set<String> packagesOfServiceClasses() {
        return serviceFiles().stream().map(f -> packageOf(serviceClass(f))).collect(Collectors.toSet());
    }

    private List<String> serviceFiles() {
        return bundle.entries().stream().filter(e -> e.startsWith(CAMEL_SERVICES)).toList();
    }

    /**
     * The class a service file names: Camel's factory files are properties ({@code class=...}); its type-converter
     * loader list is in the JDK's ServiceLoader form (one class per line, {@code #} comments).
     */
    private String serviceClass(String serviceFile) {
        return bundle.text(serviceFile).lines()
                .map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .map(l -> l.startsWith("class=") ? l.substring("class=".length()).trim() : l)
                .filter(l -> !l.contains("="))
                .findFirst()
                .orElseThrow(() -> new AssertionError(serviceFile + " names no class"));
    }

    private static String packageOf(String className) {
        return className.substring(0, className.lastIndexOf('.'));
    }

    /** Which resolved artifact holds each package (camel-kling's own packages included). */
    private static Map<String, ResolvedArtifacts.Artifact> packageOwners() throws IOException {
        Map<String, ResolvedArtifacts.Artifact> owners = new HashMap<>();
        for (ResolvedArtifacts.Artifact artifact : resolved.artifacts()) {
            if (artifact.type().equals("jar") && Files.exists(artifact.file())) {
                BundleContent.of(artifact.file()).classPackages().forEach(p -> owners.putIfAbsent(p, artifact));
            }
        }
        return owners;
    }
}
