package com.paylink.platform;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What Paylink refuses to start without outside the demo (the demo EAR with {@code paylink.demo} set) (docs/operations.md, production checklist): a
 * public URL, on https://, since every link, return URL and email is built from it. The deployment fails with
 * the reasons rather than run with a demo default in front of real clients.
 */
@Startup
@Singleton
public class StartupChecks {

    private static final Logger LOG = Logger.getLogger(StartupChecks.class.getName());

    @Inject
    PaylinkConfig config;

    @Inject
    Instance<DemoEdition> demoEdition;

    @PostConstruct
    void check() {
        boolean demo = config.flag(PaylinkConfig.DEMO) && !demoEdition.isUnsatisfied();
        List<String> problems = problems(demo, config.get(PaylinkConfig.PUBLIC_URL));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Paylink will not start: " + String.join("; ", problems));
        }
        LOG.info(() -> "public URL " + config.publicUrl());
    }

    /** The reasons not to start, none when all is well. */
    static List<String> problems(boolean demo, Optional<String> publicUrl) {
        List<String> problems = new ArrayList<>();
        if (demo) {
            return problems; // the demo runs on http://localhost by design
        }
        if (publicUrl.isEmpty()) {
            problems.add(PaylinkConfig.PUBLIC_URL + " is not set (the https:// address clients reach Paylink at)");
            return problems;
        }
        String url = publicUrl.get();
        try {
            URI uri = new URI(url);
            if (!"https".equalsIgnoreCase(uri.getScheme())) {
                problems.add(PaylinkConfig.PUBLIC_URL + " must start with https:// (was " + url + ")");
            } else if (uri.getHost() == null || uri.getHost().isBlank()) {
                problems.add(PaylinkConfig.PUBLIC_URL + " has no host (was " + url + ")");
            } else if (uri.getQuery() != null || uri.getFragment() != null || uri.getUserInfo() != null) {
                problems.add(PaylinkConfig.PUBLIC_URL + " must be a plain address, without user, query or fragment (was " + url + ")");
            }
        } catch (URISyntaxException e) {
            problems.add(PaylinkConfig.PUBLIC_URL + " is not a URL (was " + url + ")");
        }
        return problems;
    }
}
