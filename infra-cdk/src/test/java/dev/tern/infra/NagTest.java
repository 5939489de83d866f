package dev.tern.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;
import software.amazon.awscdk.cxapi.SynthesisMessage;

/** cdk-nag's AwsSolutions pack finds nothing unsuppressed, and CDK itself warns of nothing, in any stack. */
@SuppressWarnings("deprecation") // Annotations.find* return the CDK's deprecated cxapi.SynthesisMessage
class NagTest {

    private static List<Stack> stacks() {
        List<Stack> stacks = new ArrayList<>();
        for (TernApp app : List.of(TestApps.strong(), TestApps.eventual())) {
            stacks.add(app.data());
            stacks.addAll(app.regions());
            stacks.add(app.global());
        }
        return stacks;
    }

    @Test
    void everyStack_hasNoUnsuppressedAwsSolutionsFinding() {
        for (Stack stack : stacks()) {
            Annotations annotations = Annotations.fromStack(stack);

            assertThat(describe(annotations.findError("*", Match.stringLikeRegexp("AwsSolutions-.*"))))
                    .as("errors in " + stack.getStackName()).isEmpty();
            assertThat(describe(annotations.findWarning("*", Match.stringLikeRegexp("AwsSolutions-.*"))))
                    .as("warnings in " + stack.getStackName()).isEmpty();
        }
    }

    @Test
    void everyStack_hasNoWarningOrErrorAtAll() {
        for (Stack stack : stacks()) {
            Annotations annotations = Annotations.fromStack(stack);

            assertThat(describe(annotations.findError("*", Match.anyValue()))).as("errors in " + stack.getStackName())
                    .isEmpty();
            assertThat(describe(annotations.findWarning("*", Match.anyValue()))).as("warnings in " + stack.getStackName())
                    .isEmpty();
        }
    }

    private static List<String> describe(List<SynthesisMessage> messages) {
        return messages.stream().map(message -> message.getId() + ": " + message.getEntry().getData()).toList();
    }
}
