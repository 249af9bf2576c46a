package cn.hebei.iiot.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the REST service account (ENGINE_REST_USER / ENGINE_REST_PASSWORD) that the workers and the web server use,
 * and keeps its password in step with the environment. Operators use the separate admin account for the webapps.
 */
@Component
public class ServiceAccountInitializer {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceAccountInitializer.class);
  private static final String ADMIN_GROUP = "camunda-admin";

  private final IdentityService identityService;
  private final String userId;
  private final String password;

  public ServiceAccountInitializer(
      IdentityService identityService,
      @Value("${engine.rest.user}") String userId,
      @Value("${engine.rest.password}") String password) {
    this.identityService = identityService;
    this.userId = userId;
    this.password = password;
  }

  @EventListener(ApplicationReadyEvent.class)
  public void ensureServiceAccount() {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    if (user == null) {
      user = identityService.newUser(userId);
      user.setFirstName("Service");
      user.setLastName("Account");
      user.setPassword(password);
      identityService.saveUser(user);
      LOG.info("created REST service account '{}'", userId);
    } else if (!identityService.checkPassword(userId, password)) {
      user.setPassword(password);
      identityService.saveUser(user);
      LOG.info("updated the password of REST service account '{}'", userId);
    }
    Group admins = identityService.createGroupQuery().groupId(ADMIN_GROUP).singleResult();
    boolean member = identityService.createUserQuery().userId(userId).memberOfGroup(ADMIN_GROUP).count() > 0;
    if (admins != null && !member) {
      identityService.createMembership(userId, ADMIN_GROUP);
    }
  }
}
