package org.fulcrum;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;
import org.neo4j.graphdb.GraphDatabaseService;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.data.neo4j.core.Neo4jTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.stereotype.Repository;
import org.springframework.web.bind.annotation.RestController;

/** Architecture rules from STYLE.md, checked on every build. */
class ArchitectureTest {

  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.fulcrum");

  /** The ways into Neo4j: the driver, Spring Data Neo4j's client and template, the embedded API. */
  static final DescribedPredicate<JavaClass> STORE_API = assignableTo(Driver.class)
      .or(assignableTo(Session.class)).or(assignableTo(Neo4jClient.class))
      .or(assignableTo(Neo4jTemplate.class)).or(assignableTo(GraphDatabaseService.class))
      .as("are the Neo4j driver, Neo4jClient, Neo4jTemplate or the embedded database");

  /** Spring Data repositories, and classes that talk to the store themselves. */
  static final DescribedPredicate<JavaClass> STORE_ACCESS = describe(
      "are Spring Data repositories or use the Neo4j driver, Neo4jClient or the embedded database"
          + " directly",
      c -> annotatedWith(Repository.class).test(c)
          || assignableTo(org.springframework.data.repository.Repository.class).test(c)
          || c.getDirectDependenciesFromSelf().stream().anyMatch(d -> STORE_API.test(d.getTargetClass())));

  @Test
  void theDatasetModelKnowsNothingOfSpringOrNeo4j() {
    noClasses().that().resideInAnyPackage("org.fulcrum.casefile..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..")
        .check(CLASSES);
  }

  @Test
  void theAnalysisCoreKnowsNothingOfSpringOrNeo4j() {
    noClasses().that().resideInAnyPackage("org.fulcrum.analysis..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..")
        .check(CLASSES);
  }

  @Test
  void theOpenDataPipelineKnowsNothingOfSpringOrNeo4j() {
    noClasses().that().resideInAPackage("org.fulcrum.opendata")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..")
        .check(CLASSES);
  }

  @Test
  void theGraphFormatsKnowNothingOfSpringOrNeo4j() {
    noClasses().that().resideInAnyPackage("org.fulcrum.interchange..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..")
        .check(CLASSES);
  }

  @Test
  void theErrorsKnowNothingOfSpringOrNeo4jSoEveryLayerMayThrowThem() {
    noClasses().that().resideInAPackage("org.fulcrum.error..")
        .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.neo4j..")
        .check(CLASSES);
  }

  @Test
  void controllersGoThroughServicesNotToTheStore() {
    noClasses().that().areAnnotatedWith(RestController.class).or().areAnnotatedWith(Controller.class)
        .should().dependOnClassesThat(STORE_ACCESS).orShould().dependOnClassesThat(STORE_API)
        .check(CLASSES);
  }

  /**
   * Top to bottom: the launcher; the command line and the web infrastructure; the features (each a
   * package with its controller, service and store access); how typed request values are read
   * ({@code bind}: enum spellings, parameter problems, the known-parameters marker, shared by the
   * web, the features and the command line); the analysis core; the dataset model and the store. A layer uses only layers below it; the errors may be thrown from anywhere.
   */
  @Test
  void layersDependOnlyDownwards() {
    layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer("Launcher").definedBy(equivalentTo(Launcher.class))
        .layer("Application").definedBy(equivalentTo(FulcrumApplication.class))
        .layer("Cli").definedBy("org.fulcrum.cli..")
        .layer("Web").definedBy("org.fulcrum.web..")
        .layer("Features").definedBy("org.fulcrum.cases..", "org.fulcrum.leverage..",
            "org.fulcrum.messages..", "org.fulcrum.opendata..", "org.fulcrum.schema..",
            "org.fulcrum.security..", "org.fulcrum.watchlist..")
        .layer("Binding").definedBy("org.fulcrum.bind..")
        .layer("Analysis").definedBy("org.fulcrum.analysis..")
        .layer("Interchange").definedBy("org.fulcrum.interchange..")
        .layer("Casefile").definedBy("org.fulcrum.casefile..")
        .layer("Store").definedBy("org.fulcrum.store..")
        .layer("Errors").definedBy("org.fulcrum.error..")
        .whereLayer("Launcher").mayNotBeAccessedByAnyLayer()
        .whereLayer("Application").mayOnlyBeAccessedByLayers("Launcher", "Cli")
        .whereLayer("Cli").mayOnlyBeAccessedByLayers("Launcher")
        .whereLayer("Web").mayNotBeAccessedByAnyLayer()
        .whereLayer("Features").mayOnlyBeAccessedByLayers("Cli", "Web")
        .whereLayer("Binding").mayOnlyBeAccessedByLayers("Cli", "Web", "Features")
        .whereLayer("Analysis").mayOnlyBeAccessedByLayers("Cli", "Features")
        .whereLayer("Interchange").mayOnlyBeAccessedByLayers("Cli", "Web", "Features")
        .whereLayer("Casefile").mayOnlyBeAccessedByLayers("Cli", "Web", "Features", "Binding",
            "Analysis", "Interchange")
        .whereLayer("Store").mayOnlyBeAccessedByLayers("Cli", "Web", "Features")
        .whereLayer("Errors").mayNotAccessAnyLayer()
        .whereLayer("Application").mayNotAccessAnyLayer()
        .check(CLASSES);
  }

  /** A new package must be given its layer above, or the layer rule would not see it. */
  @Test
  void everyClassBelongsToALayer() {
    classes().should().resideInAnyPackage("org.fulcrum", "org.fulcrum.cli..", "org.fulcrum.web..",
        "org.fulcrum.cases..", "org.fulcrum.leverage..", "org.fulcrum.messages..",
        "org.fulcrum.opendata..", "org.fulcrum.schema..", "org.fulcrum.security..",
        "org.fulcrum.bind..", "org.fulcrum.analysis..", "org.fulcrum.interchange..",
        "org.fulcrum.casefile..",
        "org.fulcrum.store..", "org.fulcrum.error..", "org.fulcrum.watchlist..")
        .check(CLASSES);
  }

  @Test
  void noPackageCycles() {
    slices().matching("org.fulcrum.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void theApplicationAndTheCommandLineDoNotKnowEachOther() {
    noClasses().that().resideInAPackage("org.fulcrum").and().doNotBelongToAnyOf(Launcher.class)
        .should().dependOnClassesThat(resideInAPackage("org.fulcrum.cli.."))
        .check(CLASSES);
  }
}
