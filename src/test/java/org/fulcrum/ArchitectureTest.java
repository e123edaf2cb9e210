package org.fulcrum;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Architecture rules from STYLE.md, checked on every build. */
class ArchitectureTest {

  static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.fulcrum");

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
  void controllersGoThroughServicesNotRepositories() {
    noClasses().that().haveSimpleNameEndingWith("Controller")
        .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
        .check(CLASSES);
  }
}
