import { DURABLE_BROKER_DEFAULTS, MSK_SETTABLE_BROKER_KEYS } from "../../components/kafka/broker-config";
import { EXPRESS_BROKER_DEFAULTS, EXPRESS_SETTABLE_BROKER_KEYS } from "../../components/kafka/express-brokers";

// A user's serverProperties go through the MSK key checks; spectrum's own defaults reach the same
// MSK configuration, so they must pass the same checks (MSK refuses the whole configuration otherwise).
describe("the broker defaults spectrum writes are keys MSK lets a configuration set", () => {
    it.each(Object.keys(DURABLE_BROKER_DEFAULTS))("Standard brokers: %s", (key) => {
        expect(MSK_SETTABLE_BROKER_KEYS.has(key)).toBe(true);
    });

    it.each(Object.keys(EXPRESS_BROKER_DEFAULTS))("Express brokers: %s", (key) => {
        expect(EXPRESS_SETTABLE_BROKER_KEYS.has(key)).toBe(true);
    });

    it("Express defaults leave alone what MSK manages on Express", () => {
        for (const key of ["default.replication.factor", "min.insync.replicas", "unclean.leader.election.enable"]) {
            expect(Object.keys(EXPRESS_BROKER_DEFAULTS)).not.toContain(key);
        }
    });
});
