package io.infrashare.faultrun;

import java.util.List;

/**
 * One organization of the run and the principals of the demo profile that act in it. Shared Infra ({@code si})
 * provisions three VPCs and a cluster and shares them with App ({@code app}), whose staging environment takes one
 * VPC as its network default and one of three imported databases as a remote reference; previews fork staging.
 */
record Organization(String name, String opsTeam, String opsToken, String appTeam, String appToken,
                    String readToken) {

    static final List<Organization> ALL = List.of(
            new Organization("acme", "ops", "dev-ops", "ecommerce", "dev-ecomm", "dev-auditor"),
            new Organization("globex", "ops", "dev-globex", "ops", "dev-globex", "dev-globex"));
}
