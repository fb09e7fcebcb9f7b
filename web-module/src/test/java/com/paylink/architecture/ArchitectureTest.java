package com.paylink.architecture;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The architecture of docs/architecture.md as tests over the compiled code of both modules: the order of
 * the capabilities, what the web tier may touch, no cycles between a capability's parts, and one owner
 * for writes to each table family. Each rule names what it protects; docs/architecture.md lists them.
 */
class ArchitectureTest {

    /**
     * The capabilities from the bottom up: each may use those before it, never those after it. (The demo sits
     * above them all, in its own modules, demo-module and demo-web, outside the release and these checks.)
     */
    static final List<String> ORDER = List.of(
            "shared", "platform", "mail", "texting", "practice", "identity", "ledger", "paymentlink", "payment",
            "collection", "notification", "report", "outbound");
    private static final String BASE = "com.paylink.";

    private static JavaClasses code;

    @BeforeAll
    static void importCode() {
        code = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.paylink");
    }

    @Test
    void a1_capabilitiesDependOnlyDownward_andTheWebTierSitsOnTop() {
        Architectures.LayeredArchitecture layers = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String capability : ORDER) {
            layers = layers.layer(capability).definedBy(BASE + capability + "..");
        }
        layers = layers.layer("web").definedBy(BASE + "web..");
        for (int i = 0; i < ORDER.size(); i++) {
            String[] above = java.util.stream.Stream.concat(ORDER.subList(i + 1, ORDER.size()).stream(), java.util.stream.Stream.of("web"))
                    .toArray(String[]::new);
            layers = layers.whereLayer(ORDER.get(i)).mayOnlyBeAccessedByLayers(above);
        }
        layers.whereLayer("web").mayNotBeAccessedByAnyLayer().check(code);
    }

    @Test
    void a2_theWebTierUsesBoundaries_neverControlClasses() {
        noClasses().that().resideInAPackage(BASE + "web..")
                .should().dependOnClassesThat().resideInAPackage(BASE + "*.control..")
                .because("backing beans and resources call one boundary method; control classes are the capability's inside")
                .check(code);
    }

    @Test
    void a3_noCyclesBetweenBoundaryControlAndEntityOfAnyCapability() {
        slices().matching(BASE + "(*).(*)..").should().beFreeOfCycles().check(code);
        for (String capability : ORDER) {
            noClasses().that().resideInAPackage(BASE + capability + ".control..")
                    .or().resideInAPackage(BASE + capability + ".entity..")
                    .should().dependOnClassesThat().resideInAPackage(BASE + capability + ".boundary..")
                    .because("inside a capability the boundary uses control and entity, never the other way")
                    .allowEmptyShould(true)
                    .check(code);
        }
    }

    @Test
    void a4_theWebTierNeverHoldsAnEntity() {
        noClasses().that().resideInAPackage(BASE + "web..")
                .should().dependOnClassesThat().areAnnotatedWith(Entity.class)
                .because("boundaries return records; an entity in a page would be read outside its transaction")
                .check(code);
    }

    @Test
    void a5_theWebTierNeverCallsABoundaryThatOnlyJoinsAnotherBoundarysTransaction() {
        noClasses().that().resideInAPackage(BASE + "web..")
                .should().accessTargetWhere(mandatoryTransaction())
                .orShould().dependOnClassesThat(mandatoryClass())
                .because("MANDATORY boundaries (posting to the ledger, settling a link) trust their caller's checks")
                .check(code);
    }

    @Test
    void a6_eachTableFamilyHasOneWriter_entitiesAreCreatedAndChangedOnlyInTheirCapability() {
        for (String capability : ORDER) {
            String own = BASE + capability + "..";
            noClasses().that().resideOutsideOfPackages(own)
                    .should().accessTargetWhere(writeTo(BASE + capability + ".entity.."))
                    .because("only " + capability + " inserts or changes its own rows; others call its boundary")
                    .allowEmptyShould(true)
                    .check(code);
        }
    }

    /**
     * The inbox hears events, nothing more (issue 28): the notification capability depends on the payment events' own
     * type (shared.PaymentEventMessage), never on the payment capability's entities or control.
     */
    @Test
    void a8_theNotificationSideKnowsPaymentsOnlyByTheirEvents() {
        noClasses().that().resideInAPackage(BASE + "notification..")
                .should().dependOnClassesThat().resideInAPackage(BASE + "payment..")
                .check(code);
    }

    /** Issue 23: Twilio's SDK is one class's business, as Stripe's is one package's. */
    @Test
    void a10_onlyTheTextGatewayKnowsTwilio() {
        noClasses().that().doNotHaveFullyQualifiedName(BASE + "texting.control.TextGateway")
                .should().dependOnClassesThat().resideInAPackage("com.twilio..")
                .check(code);
    }

    @Test
    void a7_onlyTheStripeAdapterKnowsStripe() {
        noClasses().that().resideOutsideOfPackage(BASE + "payment.control.stripe..")
                .should().dependOnClassesThat().resideInAPackage("com.stripe..")
                .check(code);
        classes().that().resideInAPackage(BASE + "payment.control.gateway..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(BASE + "payment.control.gateway..", BASE + "shared..",
                        "java..")
                .because("the port knows none of its adapters")
                .check(code);
    }

    /**
     * The web tier shows its audiences (issue 28): the payer's pages ({@code web.payer}), Stripe's webhooks
     * ({@code web.webhook}), the staff JSON API ({@code web.api}) and the staff pages by capability ({@code web.staff.*})
     * each use only the tier's common parts ({@code web.common}) and its security ({@code web.security}), never one
     * another; security uses only the common parts; and nothing of the web tier lives outside these packages.
     */
    @Test
    void a9_theWebTierIsSplitByAudience_andNoAudienceUsesAnother() {
        String web = BASE + "web.";
        Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("common").definedBy(web + "common..")
                .layer("security").definedBy(web + "security..")
                .layer("payer").definedBy(web + "payer..")
                .layer("webhook").definedBy(web + "webhook..")
                .layer("api").definedBy(web + "api..")
                .layer("staff").definedBy(web + "staff..")
                .layer("operator").definedBy(web + "operator..")
                .whereLayer("common").mayOnlyBeAccessedByLayers("security", "payer", "webhook", "api", "staff", "operator")
                .whereLayer("security").mayOnlyBeAccessedByLayers("payer", "webhook", "api", "staff", "operator")
                .whereLayer("operator").mayNotBeAccessedByAnyLayer()
                .whereLayer("payer").mayNotBeAccessedByAnyLayer()
                .whereLayer("webhook").mayNotBeAccessedByAnyLayer()
                .whereLayer("api").mayNotBeAccessedByAnyLayer()
                .whereLayer("staff").mayNotBeAccessedByAnyLayer()
                .check(code);
        classes().that().resideInAPackage(BASE + "web..")
                .should().resideInAnyPackage(web + "common..", web + "security..", web + "payer..", web + "webhook..",
                        web + "api..", web + "staff.*..", web + "operator..")
                .because("every class of the web tier belongs to an audience or to the parts they share; a staff page "
                        + "belongs to a capability's package")
                .check(code);
    }

    /** A constructor call, or a call of a method that is not a read, on an entity in {@code entityPackage}. */
    static DescribedPredicate<JavaAccess<?>> writeTo(String entityPackage) {
        return DescribedPredicate.describe("a write to an entity in " + entityPackage, access -> {
            AccessTarget target = access.getTarget();
            JavaClass owner = target.getOwner();
            if (!owner.getPackageName().startsWith(entityPackage.replace("..", "")) || !owner.isAnnotatedWith(Entity.class)) {
                return false;
            }
            if (target instanceof AccessTarget.ConstructorCallTarget) {
                return true;
            }
            if (target instanceof AccessTarget.MethodCallTarget call) {
                return call.resolveMember().map(ArchitectureTest::isWrite).orElse(true);
            }
            return false; // field access from outside is impossible: entity fields are private
        });
    }

    private static final Set<String> READ_PREFIXES = Set.of("is", "has", "statusAt", "unusableAt", "notPayable", "refundable");

    /** Entities read through accessors without arguments (and a few questions that take "now"). */
    static boolean isWrite(JavaMethod method) {
        if (method.getRawParameterTypes().isEmpty() && !method.getRawReturnType().getName().equals("void")) {
            return false;
        }
        return READ_PREFIXES.stream().noneMatch(method.getName()::startsWith);
    }

    static DescribedPredicate<JavaAccess<?>> mandatoryTransaction() {
        return DescribedPredicate.describe("a MANDATORY boundary method", access -> access.getTarget() instanceof AccessTarget.MethodCallTarget call
                && call.resolveMember().flatMap(ArchitectureTest::mandatory).isPresent());
    }

    static DescribedPredicate<JavaClass> mandatoryClass() {
        return DescribedPredicate.describe("a MANDATORY boundary", type -> type.tryGetAnnotationOfType(TransactionAttribute.class)
                .filter(t -> t.value() == TransactionAttributeType.MANDATORY).isPresent());
    }

    private static Optional<TransactionAttribute> mandatory(JavaMethod method) {
        return method.tryGetAnnotationOfType(TransactionAttribute.class)
                .filter(t -> t.value() == TransactionAttributeType.MANDATORY);
    }
}
