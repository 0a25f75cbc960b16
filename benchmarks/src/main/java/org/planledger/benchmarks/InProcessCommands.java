package org.planledger.benchmarks;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.planledger.events.ActionRef;
import org.planledger.events.EventMetadata;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Constructor;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The command bus in-process: runs inside the command service's own jar (CommandThroughput starts it with Spring
 * Boot's PropertiesLauncher and this module's classes added), starts the service as usual, then sends progress
 * commands straight to its command gateway when asked on standard input, with no HTTP, security or JSON around them.
 * <p>
 * Asked {@code bus <clients> <commands> <label>}, it answers on standard output with
 * {@code bus-result <commands/s> <p50 ms> <p99 ms>}. The commands are the service's own classes, which this module
 * cannot compile against (the service's jar is repackaged), so the one it sends is made by reflection.
 */
public final class InProcessCommands {

    static final String MAIN = InProcessCommands.class.getName();
    static final String ANSWER = "bus-result ";

    private InProcessCommands() {
    }

    public static void main(String[] args) throws Exception {
        ConfigurableApplicationContext service = SpringApplication.run(
                Class.forName("org.planledger.command.CommandServiceApplication"), args);
        CommandGateway gateway = service.getBean(CommandGateway.class);
        Constructor<?> recordProgress = Class.forName("org.planledger.command.action.RecordProgress").getConstructors()[0];
        BufferedReader asked = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = asked.readLine(); line != null; line = asked.readLine()) {
            String[] words = line.trim().split(" ");
            if (words.length != 4 || !words[0].equals("bus")) {
                continue;
            }
            String label = words[3];
            Load.Result result = Load.run(Integer.parseInt(words[1]),
                    Integer.parseInt(words[2]), (client, i) -> gateway.sendAndWait(GenericCommandMessage.asCommandMessage(
                            recordProgress.newInstance(new ActionRef("bench", "2024-01", client + 1), null,
                                    label + " " + client + "/" + i + ": the digital pathway is live in one more board",
                                    null, List.of(), null, null))
                            .andMetaData(Map.of(EventMetadata.ACTOR, "benchmark"))));
            System.out.printf("%s%.1f %.3f %.3f%n", ANSWER, result.perSecond(), result.latencies().percentile(50),
                    result.latencies().percentile(99));
            System.out.flush();
        }
    }
}
