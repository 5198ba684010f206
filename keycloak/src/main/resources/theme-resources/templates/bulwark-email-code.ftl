<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=true; section>
  <#if section = "header">
    ${msg("bulwarkEmailCodeTitle")}
  <#elseif section = "form">
    <p id="bulwark-email-code-sent">${msg("bulwarkEmailCodeSent", emailHint)}</p>
    <form id="kc-email-code-form" action="${url.loginAction}" method="post">
      <div class="${properties.kcFormGroupClass!}">
        <label for="code" class="${properties.kcLabelClass!}">${msg("bulwarkEmailCodeLabel")}</label>
        <input id="code" name="code" type="text" class="${properties.kcInputClass!}"
               autocomplete="one-time-code" inputmode="numeric" pattern="[0-9]*" maxlength="6" autofocus/>
      </div>
      <div class="${properties.kcFormGroupClass!}">
        <input id="kc-login" name="login" type="submit" value="${msg("doLogIn")}"
               class="${properties.kcButtonClass!} ${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!} ${properties.kcButtonLargeClass!}"/>
        <input id="bulwark-resend" name="resend" type="submit" value="${msg("bulwarkEmailCodeResend")}"
               class="${properties.kcButtonClass!} ${properties.kcButtonDefaultClass!} ${properties.kcButtonBlockClass!}"/>
      </div>
    </form>
  </#if>
</@layout.registrationLayout>
