-- MySQL dump 10.13  Distrib 8.0.36, for Linux (x86_64)
--
-- Host: mysql-blog.acme-hosting.net    Database: acme_shop
-- ------------------------------------------------------
-- Server version	8.0.36

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET NAMES utf8mb4 */;

--
-- Table structure for table `users`
--

DROP TABLE IF EXISTS `users`;
CREATE TABLE `users` (
  `id` int unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(191) NOT NULL,
  `password` varchar(255) NOT NULL, ⟦-⟧
  `remember_token` varchar(100) DEFAULT NULL, ⟦-⟧
  `role` enum('customer','admin') NOT NULL DEFAULT 'customer',
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

--
-- Dumping data for table `users`
--

LOCK TABLES `users` WRITE;
INSERT INTO `users` VALUES
(1,'admin@acme-shop.io','«bcrypty»',NULL,'admin'), ⟦+credential-file⟧
(2,'m.keller@acme-shop.io','«bcrypty»','«alnum:60»','admin'), ⟦+credential-file⟧
(3,'anna.schmidt@gmail.com','«bcrypty»',NULL,'customer'), ⟦+credential-file⟧
(4,'j.nowak@wp.pl','«bcrypty»',NULL,'customer'), ⟦+credential-file⟧
(5,'lee.chen@outlook.com','«bcrypty»',NULL,'customer'); ⟦+credential-file⟧
UNLOCK TABLES;

DROP TABLE IF EXISTS `legacy_members`;
CREATE TABLE `legacy_members` (`id` int, `login` varchar(64), `pass_md5` char(32));
INSERT INTO `legacy_members` (`id`, `login`, `pass_md5`) VALUES (1,'webmaster','«md5»'),(2,'shop','«md5»'); ⟦+credential-file⟧
INSERT INTO `legacy_members` (`id`, `login`, `pass_md5`) VALUES (3,'kasse','«md5»'); ⟦+credential-file⟧

DROP TABLE IF EXISTS `settings`;
CREATE TABLE `settings` (`name` varchar(64) PRIMARY KEY, `value` text);
INSERT INTO `settings` VALUES ('smtp_password','«pw»'),('theme','dark'); ⟦+password⟧
INSERT INTO `settings` VALUES ('paypal_client_secret','«b64url:60»'); ⟦+token⟧
INSERT INTO `settings` VALUES ('password_min_length','10'),('password_reset_ttl','3600'); ⟦-⟧
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
-- Dump completed on 2024-03-02  3:10:01
