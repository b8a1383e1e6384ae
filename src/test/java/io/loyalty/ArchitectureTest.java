package io.loyalty;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package stack, top to bottom. A package may use the packages below it, never one above: a lower
 * package that needs something of a higher one declares an interface (or fires a CDI event) that the
 * higher one implements (or observes).
 */
@AnalyzeClasses(packages = "io.loyalty",
        importOptions = {ImportOption.DoNotIncludeTests.class, ImportOption.DoNotIncludeJars.class})
class ArchitectureTest {
    static final List<String> STACK = List.of("demo", "metrics", "partner", "feedback", "referral", "order", "game",
            "reward", "ledger", "tier", "programme", "customer", "security", "common");

    @ArchTest
    static final ArchRule eachPackageUsesOnlyThoseBelowIt = stack();

    @ArchTest
    static final ArchRule packagesHaveNoCycles = slices().matching("io.loyalty.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule everyClassIsInAPackageOfTheStack = classes().should()
            .resideInAnyPackage(STACK.stream().map(p -> "io.loyalty." + p + "..").toArray(String[]::new))
            .because("a new package must take its place in the stack (and in this test)");

    /** Hibernate's validation of entities is off (quarkus.hibernate-orm.validation.mode): it would check nothing. */
    @ArchTest
    static final ArchRule entitiesCarryNoValidationConstraints = noClasses()
            .that().areAnnotatedWith(jakarta.persistence.Entity.class)
            .should().dependOnClassesThat().resideInAPackage("jakarta.validation..")
            .because("requests are validated at the edge and rows by the schema; a constraint on an entity would never be checked");

    private static LayeredArchitecture stack() {
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String p : STACK) {
            layers = layers.layer(p).definedBy("io.loyalty." + p + "..");
        }
        layers = layers.whereLayer(STACK.get(0)).mayNotBeAccessedByAnyLayer();
        for (int i = 1; i < STACK.size(); i++) {
            layers = layers.whereLayer(STACK.get(i)).mayOnlyBeAccessedByLayers(STACK.subList(0, i).toArray(String[]::new));
        }
        return layers;
    }
}
