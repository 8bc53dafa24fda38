package io.infrashare.command.it;

import io.infrashare.http.Answer;
import io.infrashare.http.Api;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An infrastructure project that shares with a shop, built through the commands of every kind the catalog follows:
 * projects, a provisioned and imported resources, shares given and revoked, a decommissioning, defaults and
 * references set, a preview forked and torn down, a type made defaultable.
 *
 * @param shop    the consuming project
 * @param vpc     a VPC of the infrastructure project, shared with the shop and its staging's default
 * @param cluster a cluster imported there, shared with the shop and a remote reference of its staging
 * @param revoked a VPC once shared with the shop, then revoked
 */
record SharedInfrastructure(String shop, String vpc, String cluster, String revoked) {

    private static final List<String> CATALOG = List.of("project_catalog", "resource_catalog", "resource_share",
            "consumption", "resource_type_config");

    /** Projects {@code <prefix>infra} and {@code <prefix>shop}, made by their teams. */
    static SharedInfrastructure build(Api http, String prefix) {
        String infra = prefix + "infra";
        String shop = prefix + "shop";
        succeeds(http.as("dev-ops").post("/projects", "{\"name\":\"Infra\",\"abbreviation\":\"" + infra
                + "\",\"ownerTeam\":\"ops\"}"));
        succeeds(http.as("dev-ecomm").post("/projects", "{\"name\":\"Shop\",\"abbreviation\":\"" + shop
                + "\",\"ownerTeam\":\"ecommerce\"}"));
        succeeds(http.as("dev-ops").post("/projects/" + infra + "/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}"));
        succeeds(http.as("dev-ops").post("/projects/" + infra + "/packages",
                "{\"name\":\"vpc\",\"bundle\":\"aws-vpc\",\"resourceType\":\"aws-vpc\"}"));
        String vpc = succeeds(http.as("dev-ops").post("/environments/" + infra + "-staging/resources",
                "{\"package\":\"vpc\",\"name\":\"VPC\"}")).text("id");
        String cluster = imported(http, infra, "kubernetes-cluster", "EKS");
        String revoked = imported(http, infra, "aws-vpc", "spare VPC");
        String gone = imported(http, infra, "postgresql", "old db");
        succeeds(http.as("dev-ops").post("/resources/" + gone + "/decommission", null));
        for (String shared : List.of(vpc, cluster, revoked)) {
            succeeds(http.as("dev-ops").put("/resources/" + shared + "/shares/" + shop, null));
        }
        succeeds(http.as("dev-ops").delete("/resources/" + revoked + "/shares/" + shop));
        succeeds(http.as("dev-admin").put("/resource-types/spark-cluster", "{\"defaultable\":true}"));

        succeeds(http.as("dev-ecomm").post("/projects/" + shop + "/environments",
                "{\"name\":\"Staging\",\"abbreviation\":\"staging\"}"));
        succeeds(http.as("dev-ecomm").post("/projects/" + shop + "/packages",
                "{\"name\":\"k8s\",\"bundle\":\"aws-eks-cluster\",\"resourceType\":\"kubernetes-cluster\"}"));
        succeeds(http.as("dev-ecomm").put("/environments/" + shop + "-staging/defaults/aws-vpc",
                "{\"resource\":\"" + vpc + "\"}"));
        succeeds(http.as("dev-ecomm").put("/environments/" + shop + "-staging/remote-references/k8s",
                "{\"resource\":\"" + cluster + "\"}"));
        succeeds(http.as("dev-ecomm").post("/projects/" + shop + "/environments",
                "{\"name\":\"Preview\",\"abbreviation\":\"pr1\",\"forkOf\":\"" + shop + "-staging\"}"));
        succeeds(http.as("dev-ecomm").delete("/environments/" + shop + "-pr1"));
        return new SharedInfrastructure(shop, vpc, cluster, revoked);
    }

    /** Every row of every table of the catalog. */
    static Set<String> catalog(JdbcClient jdbc) {
        Set<String> rows = new TreeSet<>();
        CATALOG.forEach(table -> jdbc.sql("SELECT * FROM " + table).query().listOfRows()
                .forEach(row -> rows.add(table + new TreeMap<>(row))));
        return rows;
    }

    /** Every row of the catalog, emptied as a careless hand would. */
    static void emptyCatalog(JdbcClient jdbc) {
        CATALOG.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
    }

    static Answer succeeds(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isBetween(200, 299);
        return answer;
    }

    private static String imported(Api http, String project, String type, String name) {
        return succeeds(http.as("dev-ops").post("/projects/" + project + "/resources",
                "{\"type\":\"" + type + "\",\"name\":\"" + name + "\"}")).text("id");
    }
}
