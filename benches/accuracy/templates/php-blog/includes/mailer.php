<?php
use PHPMailer\PHPMailer\PHPMailer;
use PHPMailer\PHPMailer\SMTP;

require __DIR__ . '/../vendor/autoload.php';

function acme_mailer(): PHPMailer
{
    $mail = new PHPMailer(true);
    $mail->isSMTP();
    $mail->Host       = 'smtp.gmail.com';
    $mail->SMTPAuth   = true;
    $mail->Username   = 'newsletter@acme-blog.com';
    $mail->Password   = '«pw:0»'; ⟦+password⟧
    $mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;
    $mail->Port       = 587;
    $mail->setFrom('newsletter@acme-blog.com', 'Acme Blog');
    return $mail;
}

$recaptcha_secret = '6L«alnum:38»'; ⟦+token⟧
$mailchimp = ['apiKey' => getenv('MAILCHIMP_API_KEY'), 'list' => 'a1b2c3d4e5']; ⟦-⟧
