package com.paylink.it;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.deployment.Deployment;
import org.jboss.arquillian.container.spi.client.deployment.DeploymentDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.container.spi.context.annotation.DeploymentScoped;
import org.jboss.arquillian.container.spi.event.DeployDeployment;
import org.jboss.arquillian.container.spi.event.UnDeployDeployment;
import org.jboss.arquillian.container.spi.event.container.BeforeStop;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Deploys each archive once per server (issue 28, the suite's time): a test class whose archive is the one already
 * deployed reuses it, and gets the demo's data as at a fresh deployment from {@code POST /demo/reset} (the demo's
 * tables emptied and seeded again, the sandbox's memory and the test clock reset) instead of a redeploy of about
 * ten seconds. An archive is known by its name and the test package it carries ({@link Deployments}); another
 * archive undeploys the one before. The last one is undeployed before the server stops.
 */
public class DeployOnce implements LoadableExtension {

    /** Where {@link Deployments#withTests} names the test package it carries. */
    public static final String MARKER = "META-INF/paylink-it-tests.txt";

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Reuse.class);
    }

    public static class Reuse {

        private static final Logger LOG = Logger.getLogger(DeployOnce.class.getName());

        @Inject
        @DeploymentScoped
        private InstanceProducer<ProtocolMetaData> protocolMetaData;

        @Inject
        @DeploymentScoped
        private InstanceProducer<DeploymentDescription> description;

        @Inject
        @DeploymentScoped
        private InstanceProducer<Deployment> deploymentProducer;

        private String deployedKey;
        private Archive<?> deployedArchive;
        private ProtocolMetaData deployedMetaData;

        /** Innermost (lowest precedence): runs inside the deployment's context, which Arquillian opens. */
        public void deploy(@Observes(precedence = -100) EventContext<DeployDeployment> context) throws Exception {
            DeployDeployment event = context.getEvent();
            Deployment deployment = event.getDeployment();
            Archive<?> archive = archiveOf(deployment.getDescription());
            String key = keyOf(archive);
            if (key != null && key.equals(deployedKey)) {
                description.set(deployment.getDescription());
                deploymentProducer.set(deployment);
                protocolMetaData.set(deployedMetaData);
                resetDemoData(deployedMetaData);
                deployment.deployed();
                return;
            }
            undeployCurrent(event.getDeployableContainer());
            context.proceed();
            if (key != null && deployment.isDeployed()) {
                deployedKey = key;
                deployedArchive = archive;
                deployedMetaData = protocolMetaData.get();
            }
        }

        public void undeploy(@Observes(precedence = -100) EventContext<UnDeployDeployment> context) {
            Deployment deployment = context.getEvent().getDeployment();
            if (deployedKey != null && deployedKey.equals(keyOf(archiveOf(deployment.getDescription())))
                    && !deployment.hasDeploymentError()) {
                deployment.undeployed(); // stays on the server for the next class with this archive
                return;
            }
            context.proceed();
        }

        public void beforeStop(@Observes BeforeStop event) throws Exception {
            undeployCurrent(event.getDeployableContainer());
        }

        private void undeployCurrent(DeployableContainer<?> container) throws Exception {
            if (deployedArchive != null) {
                Archive<?> archive = deployedArchive;
                deployedKey = null;
                deployedArchive = null;
                deployedMetaData = null;
                container.undeploy(archive);
            }
        }

        private static Archive<?> archiveOf(DeploymentDescription description) {
            if (!description.isArchiveDeployment()) {
                return null;
            }
            return description.getTestableArchive() != null ? description.getTestableArchive() : description.getArchive();
        }

        /** Null for an archive that is never shared (not one of {@link Deployments}'). */
        private static String keyOf(Archive<?> archive) {
            if (archive == null || !archive.getName().equals(Deployments.EAR)) {
                return null;
            }
            if (!archive.contains(MARKER)) {
                return archive.getName();
            }
            try (var in = archive.get(MARKER).getAsset().openStream()) {
                return archive.getName() + " with " + new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private static void resetDemoData(ProtocolMetaData metaData) throws IOException, InterruptedException {
            HTTPContext http = metaData.getContexts(HTTPContext.class).iterator().next();
            URI reset = URI.create("http://" + http.getHost() + ":" + http.getPort() + "/demo/reset");
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(reset)
                    .timeout(Duration.ofMinutes(2)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 204) {
                throw new IllegalStateException("POST " + reset + " answered " + response.statusCode()
                        + " (is the test server started with -Dpaylink.demo.reset-on-request=true?)");
            }
            LOG.info(() -> "reused the deployed archive; demo data reset");
        }
    }
}
