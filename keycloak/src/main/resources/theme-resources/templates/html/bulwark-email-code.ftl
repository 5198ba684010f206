<html>
<body>
<p>${msg("bulwarkEmailCodeBody", code, minutes)}</p>
<p>${msg("bulwarkEmailCodeNotYou")}</p>
</body>
</html>
